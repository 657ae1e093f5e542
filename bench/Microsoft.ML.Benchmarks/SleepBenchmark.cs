using Microsoft.ML.SleepReplay;

namespace Microsoft.ML.Benchmarks;

/// <summary>
/// "sleep": one spiking step of a 784-4000-4000-10 net at batch 1, the same work as the PyTorch
/// peer's <c>step_sparse</c> (../shared/bench/peer/sleep.py): Bernoulli input spikes at rate 0.1·x,
/// for each layer a gather-sum over active inputs, decay and integrate, threshold, ~5% forced post
/// spikes, reset, and the plain inc/dec update of the weights into the spiking neurons (applied
/// lazily by <see cref="PlasticSynapses"/>; the pending updates are part of the measured steps).
/// </summary>
public sealed class SleepBenchmark : IBenchmark
{
    private const double SpikeRate = 0.05;
    private const float Increase = 0.001f, Decrease = 0.0001f, Decay = 0.999f, Threshold = 1f, Alpha = 1f;
    private static readonly int[] Sizes = [784, 4000, 4000, 10];

    public string Group => "sleep";

    public void Run(Action<BenchResult> report)
    {
        var step = new PeerStep(new Random(0));
        double seconds = Measure.SecondsPerCall(step.Run, repetitions: 5, minRepSeconds: 0.5);
        report(new BenchResult("sleep_step_4000", seconds * 1e3, "ms/iter", HigherIsBetter: false));
    }

    /// <summary>State of the peer's step: weights ~ N(0, 0.01²), membranes, a fixed input intensity.</summary>
    private sealed class PeerStep
    {
        private readonly Random _rng;
        private readonly PlasticSynapses[] _synapses = new PlasticSynapses[3];
        private readonly float[][] _membranes = new float[3][];
        private readonly float[] _intensity = new float[784];
        private readonly float[] _sums = new float[4000];
        private readonly int[][] _spikes = [new int[784], new int[4000], new int[4000], new int[10]];
        private readonly bool[] _fired = new bool[4000];

        public PeerStep(Random rng)
        {
            _rng = rng;
            for (int l = 0; l < 3; l++)
            {
                var weights = new float[Sizes[l + 1] * Sizes[l]];
                for (int i = 0; i < weights.Length; i++) weights[i] = 0.01f * Gaussian();
                _synapses[l] = new PlasticSynapses(weights, Sizes[l + 1], Sizes[l], Increase, Decrease, SleepWeightFunction.Constant);
                _membranes[l] = new float[Sizes[l + 1]];
            }
            for (int k = 0; k < _intensity.Length; k++) _intensity[k] = _rng.NextSingle();
        }

        public void Run()
        {
            int preCount = 0;
            for (int k = 0; k < _intensity.Length; k++)
                if (_rng.NextSingle() < _intensity[k] * 0.1f) _spikes[0][preCount++] = k;
            for (int l = 0; l < 3; l++)
            {
                int rows = Sizes[l + 1];
                _synapses[l].InputSums(_spikes[l].AsSpan(0, preCount), _sums);
                int[] post = _spikes[l + 1];
                int fired = SpikeKernels.IntegrateAndFire(_membranes[l], _sums, null, rows, Alpha, Decay, Threshold, post);
                fired = AddForcedSpikes(post, fired, rows, _membranes[l]);
                _synapses[l].Learn(post.AsSpan(0, fired));
                preCount = fired;
            }
        }

        /// <summary>The peer keeps post rates near 5% whatever the weights: each neuron also fires with probability 0.05.</summary>
        private int AddForcedSpikes(int[] post, int fired, int rows, float[] membrane)
        {
            Array.Clear(_fired, 0, rows);
            for (int p = 0; p < fired; p++) _fired[post[p]] = true;
            for (int i = 0; i < rows; i++)
                if (_rng.NextDouble() < SpikeRate) _fired[i] = true;
            int count = 0;
            for (int i = 0; i < rows; i++)
            {
                if (!_fired[i]) continue;
                post[count++] = i;
                membrane[i] = 0f;
            }
            return count;
        }

        private float Gaussian()
        {
            double u1 = 1.0 - _rng.NextDouble(), u2 = _rng.NextDouble();
            return (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
    }
}
