using Microsoft.ML.BpSom.Numerics;

namespace Microsoft.ML.BpSom;

/// <summary>The original BP-SOM training loop (Weijters 1995; ALGORITHMS.md A.5 and A.10): online backprop on a logistic MLP,
/// each hidden layer pulled toward the prototype of its SOM's class winner, with periodic labelling, validation,
/// model selection and unit pruning. Works on plain arrays; the ML.NET trainer feeds it.</summary>
internal sealed class BpSomLearner
{
    private const float TargetOn = 0.9f, TargetOff = 0.1f;
    private const float PruningOffBelow = 1e-4f;
    private const int CheckAliveInterval = 256;

    private readonly BpSomTrainer.Options _options;
    private readonly Random _random;
    private readonly Backpropagation _backpropagation;
    private readonly ActivationStatistics[] _statistics;
    private readonly float[]?[] _somErrors;       // by layer 0..L−1: the buffer when the SOM error is on for this example, else null
    private readonly float[][] _somErrorBuffers;
    private readonly float[][] _distances;        // per hidden layer: the example's squared distance to every cell
    private readonly float[] _target;
    private long _backpropSteps;

    public BpSomLearner(BpSomTrainer.Options options, int featureCount, int classCount, int seed)
        : this(options, CreateNetwork(options, featureCount, classCount, seed, out var random), random)
    {
    }

    /// <summary>Trains a given network (its hidden sizes must match the options); <paramref name="random"/> drives shuffling.</summary>
    internal BpSomLearner(BpSomTrainer.Options options, BpSomNetwork network, Random random)
    {
        options.Validate();
        var hiddenSizes = network.Perceptron.Sizes()[1..^1];
        if (!hiddenSizes.SequenceEqual(options.HiddenLayerSizes))
            throw new ArgumentException($"The network's hidden layers [{string.Join(' ', hiddenSizes)}] differ from the options' [{string.Join(' ', options.HiddenLayerSizes)}].", nameof(network));
        _options = options;
        _random = random;
        Network = network;
        _backpropagation = new Backpropagation
        {
            ErrorThreshold = options.ErrorThreshold,
            Loss = options.Loss,
            SomErrorWeight = options.SomErrorWeight,
            GateHiddenUpdatesOnOutputError = options.ParityMode,
        };
        _statistics = hiddenSizes.Select(size => new ActivationStatistics(size)).ToArray();
        _somErrors = new float[]?[hiddenSizes.Length + 1];
        _somErrorBuffers = Enumerable.Range(0, hiddenSizes.Length + 1).Select(_ => Array.Empty<float>()).ToArray();
        _target = new float[network.ClassCount];
        _distances = network.Maps.Select(map => new float[map.CellCount]).ToArray();
    }

    private static BpSomNetwork CreateNetwork(BpSomTrainer.Options options, int featureCount, int classCount, int seed, out Random random)
    {
        options.Validate();
        if (featureCount < 1) throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, "The network needs at least one input feature.");
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "Classification needs at least 2 classes.");
        random = new Random(seed);
        return BpSomNetwork.CreateRandom(featureCount, options.HiddenLayerSizes, classCount, options.SomGridSize, options.NeighbourhoodDistance, random);
    }

    /// <summary>The network being trained; after <see cref="Train"/>, the best one found.</summary>
    public BpSomNetwork Network { get; private set; }

    public List<BpSomEpochStatistics> History { get; } = [];

    /// <summary>Trains until NumberOfEpochs or early stopping, then restores the best network and relabels its SOMs on the
    /// training set. Without a validation set, model selection uses the training set (measured in the labelling pass);
    /// when no epoch reaches TestRatio, the final network is kept. A learner trains once.
    /// <paramref name="epochDone"/> hears about each epoch; <paramref name="checkAlive"/> is called every few hundred
    /// examples and stops training by throwing (e.g. <see cref="OperationCanceledException"/>).</summary>
    public void Train(BpSomExamples training, BpSomExamples? validation, Action<BpSomEpochStatistics>? epochDone = null, Action? checkAlive = null)
    {
        if (History.Count > 0) throw new InvalidOperationException("This learner has already trained; create a new one.");
        CheckShape(training, nameof(training));
        if (validation is not null) CheckShape(validation, nameof(validation));
        var selection = new ModelSelection();
        BpSomNetwork? best = null;
        var order = Enumerable.Range(0, training.Count).ToArray();
        int epochsWithoutProgress = 0;
        for (int epoch = 1; ; epoch++)
        {
            epochsWithoutProgress++;
            if (epoch > _options.NumberOfEpochs || epochsWithoutProgress > _options.EarlyStoppingPatience) break;
            checkAlive?.Invoke();
            float somRate = SomSchedule.LearningRate(epoch, _options.NumberOfEpochs, _options.SomMinimumLearningRate, _options.SomMaximumLearningRate);
            int somRadius = SomSchedule.Radius(epoch, _options.NumberOfEpochs, _options.SomMinimumRadius, _options.SomMaximumRadius);
            bool testEpoch = epoch % _options.TestRatio == 0;
            if (testEpoch && !_options.ParityMode)
                foreach (var statistics in _statistics) statistics.ResetMean();
            if (_options.Shuffle) _random.Shuffle(order);

            var learning = LearningEpoch(training, order, somRate, somRadius, testEpoch, checkAlive);
            double? validationAccuracy = null, validationError = null;
            bool isBest = false;
            int pruned = 0;
            SomSnapshot[] soms = [];
            if (testEpoch)
            {
                foreach (var statistics in _statistics) statistics.FinishMean(training.Count);
                var trainingScore = LabellingPass(training, gatherSpread: true);
                // Taken before pruning, which drops prototype components and so changes the U-matrix: the snapshot shows the
                // maps exactly as the labelling pass left them, the state model selection copies.
                soms = [.. Network.Maps.Select(map => map.Snapshot())];
                var (accuracy, error) = validation is null ? trainingScore : Score(validation);
                (validationAccuracy, validationError) = (accuracy, error);
                if (selection.Offer(accuracy, error))
                {
                    best = Network.Clone();
                    epochsWithoutProgress = 0;
                    isBest = true;
                }
                if (_options.PruneThreshold > PruningOffBelow)
                {
                    pruned = Prune();
                    if (pruned > 0)
                    {
                        selection.PrunedSinceBest = true;
                        epochsWithoutProgress = 0;
                    }
                }
            }
            var record = new BpSomEpochStatistics(epoch, learning.Loss, learning.Accuracy, validationAccuracy, validationError,
                learning.SomUsagePercent, pruned, HiddenSizes(), somRate, somRadius, isBest) { Soms = soms };
            History.Add(record);
            epochDone?.Invoke(record);
        }
        Network = best ?? Network;
        LabellingPass(training, gatherSpread: false);
    }

    private (double Loss, double Accuracy, double SomUsagePercent) LearningEpoch(BpSomExamples training, int[] order,
        float somRate, int somRadius, bool testEpoch, Action? checkAlive)
    {
        double lossSum = 0;
        long correct = 0, somUsed = 0;
        for (int n = 0; n < order.Length; n++)
        {
            if (n % CheckAliveInterval == 0) checkAlive?.Invoke();
            int example = order[n];
            var step = LearnExample(training.Row(example), training.Labels[example], somRate, somRadius, testEpoch);
            lossSum += step.Error;
            if (step.Correct) correct++;
            somUsed += step.SomLayersUsed;
        }
        int pairs = order.Length * Network.Maps.Length;
        return (lossSum / order.Length, (double)correct / order.Length, 100.0 * somUsed / pairs);
    }

    /// <summary>One learning step (ALGORITHMS.md A.5): forward, bookkeeping, SOM step, mean statistics, backprop.</summary>
    internal (float Error, bool Correct, int SomLayersUsed) LearnExample(ReadOnlySpan<float> features, int label, float somRate, int somRadius,
        bool gatherMean)
    {
        var perceptron = Network.Perceptron;
        perceptron.Forward(features);
        var output = perceptron.Activations(perceptron.OutputLayer);
        SetTarget(label);
        float error = SummedSquaredError(output);
        bool correct = VectorKernels.ArgMax(output) == label - 1;
        int somUsed = SomStep(label, somRate, somRadius);
        if (gatherMean)
            for (int h = 0; h < _statistics.Length; h++) _statistics[h].AddToMean(perceptron.Activations(h + 1));
        if (error > _options.ErrorThreshold)
        {
            float momentum = _backpropSteps < _options.MomentumDelay ? 0f : _options.Momentum;
            _backpropagation.Step(perceptron, _target, _somErrors, _options.LearningRate, momentum);
            _backpropSteps++;
        }
        return (error, correct, somUsed);
    }

    /// <summary>The deltas of layer <paramref name="layer"/> (1..L) from the last backprop step.</summary>
    internal ReadOnlySpan<float> LastDeltas(int layer) => _backpropagation.Deltas(layer);

    /// <summary>ALGORITHMS.md A.5 step 4 for each hidden layer: winner search, SOM error switch, then the SOM update.
    /// The SOM error is computed after the update, so a class winner inside the winner's neighbourhood contributes its
    /// already-moved prototype. Returns how many layers use their SOM error for this example.</summary>
    private int SomStep(int label, float somRate, int somRadius)
    {
        int used = 0;
        for (int h = 0; h < Network.Maps.Length; h++)
        {
            var map = Network.Maps[h];
            var activation = Network.Perceptron.Activations(h + 1);
            var distances = _distances[h];
            map.ComputeSquaredDistances(activation, distances);
            int winner = map.BestCellOf(distances);
            int classWinner = map.ClassWinnerOf(distances, label);
            bool useError = classWinner >= 0 && map.Reliabilities[classWinner] >= _options.ReliabilityThreshold;
            map.Update(activation, winner, distances[winner], somRate, somRadius);
            _somErrors[h + 1] = null;
            if (!useError) continue;
            if (_somErrorBuffers[h + 1].Length != map.Dimension) _somErrorBuffers[h + 1] = new float[map.Dimension];
            map.ComputeError(activation, classWinner, _somErrorBuffers[h + 1]);
            _somErrors[h + 1] = _somErrorBuffers[h + 1];
            used++;
        }
        return used;
    }

    /// <summary>ALGORITHMS.md A.8: relabels every SOM from the overall winners of the training examples (no learning), and
    /// optionally gathers each hidden unit's spread around its learning-epoch mean. Returns the training accuracy and error.</summary>
    private (double Accuracy, double Error) LabellingPass(BpSomExamples training, bool gatherSpread)
    {
        var perceptron = Network.Perceptron;
        foreach (var map in Network.Maps) map.CellLabels.Clear();
        long correct = 0;
        double errorSum = 0;
        for (int example = 0; example < training.Count; example++)
        {
            int label = training.Labels[example];
            perceptron.Forward(training.Row(example));
            (correct, errorSum) = Tally(label, correct, errorSum);
            for (int h = 0; h < Network.Maps.Length; h++)
            {
                var activation = perceptron.Activations(h + 1);
                Network.Maps[h].CellLabels.Add(Network.Maps[h].FindBestMatch(activation, out _), label);
                if (gatherSpread) _statistics[h].AddToSpread(activation);
            }
        }
        foreach (var map in Network.Maps) map.CellLabels.Finish();
        if (gatherSpread)
            foreach (var statistics in _statistics) statistics.FinishSpread(training.Count);
        return ((double)correct / training.Count, errorSum / training.Count);
    }

    private (double Accuracy, double Error) Score(BpSomExamples data)
    {
        long correct = 0;
        double errorSum = 0;
        for (int example = 0; example < data.Count; example++)
        {
            Network.Perceptron.Forward(data.Row(example));
            (correct, errorSum) = Tally(data.Labels[example], correct, errorSum);
        }
        return ((double)correct / data.Count, errorSum / data.Count);
    }

    private (long Correct, double ErrorSum) Tally(int label, long correct, double errorSum)
    {
        var output = Network.Perceptron.Activations(Network.Perceptron.OutputLayer);
        SetTarget(label);
        return (correct + (VectorKernels.ArgMax(output) == label - 1 ? 1 : 0), errorSum + SummedSquaredError(output));
    }

    private int Prune()
    {
        int pruned = 0;
        for (int h = 0; h < Network.Maps.Length; h++)
            pruned += UnitPruning.PruneLayer(Network.Perceptron, h + 1, _statistics[h], Network.Maps[h], _options.PruneThreshold,
                skipSlidUnit: _options.ParityMode);
        return pruned;
    }

    /// <summary>0.9 for the example's class, 0.1 for every other class.</summary>
    private void SetTarget(int label)
    {
        Array.Fill(_target, TargetOff);
        _target[label - 1] = TargetOn;
    }

    private float SummedSquaredError(ReadOnlySpan<float> output)
    {
        float sum = 0f;
        for (int i = 0; i < output.Length; i++) sum += (_target[i] - output[i]) * (_target[i] - output[i]);
        return sum;
    }

    private int[] HiddenSizes() => Network.Perceptron.Layers.Take(Network.Maps.Length).Select(layer => layer.UnitCount).ToArray();

    private void CheckShape(BpSomExamples data, string name)
    {
        if (data.FeatureCount != Network.Perceptron.InputCount)
            throw new ArgumentException($"The network has {Network.Perceptron.InputCount} inputs, but the {name} set has {data.FeatureCount} features.", name);
        if (data.ClassCount != Network.ClassCount)
            throw new ArgumentException($"The network has {Network.ClassCount} classes, but the {name} set has {data.ClassCount}.", name);
    }
}
