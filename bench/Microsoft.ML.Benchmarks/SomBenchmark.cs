using Microsoft.ML.BpSom;

namespace Microsoft.ML.Benchmarks;

/// <summary>The "som" group (bench/WORKLOADS.md, peer som.py): a 20×20 SOM over 128-wide activations.
/// _bmu: batched squared distances of every row to every cell and each row's best-matching cell (one fused pass: SGEMM tiles
/// with the distance and argmin epilogue); _bmu_update: the same plus the batch
/// neighbourhood update with the BP-SOM kernel λ/2^k inside each winner's radius-2 window (the reference's default maximum
/// context; the peer instead weighs all 400 cells with a Gaussian); _online: B sequential per-row steps, best-matching cell
/// by direct distances then the same window update (the reference trainer's order).</summary>
public sealed class SomBenchmark : IBenchmark
{
    private const int Dimension = 128, GridSize = 20, Radius = 2;
    private const float LearningRate = 0.05f;

    public string Group => "som";

    public void Run(Action<BenchResult> report)
    {
        var random = new Random(0);
        foreach (int batch in new[] { 32, 64, 128, 256 })
        {
            var map = SelfOrganizingMap.CreateRandom(GridSize, Dimension, classCount: 2, GridDistance.Chebyshev, random);
            var activations = new float[batch * Dimension];
            for (int i = 0; i < activations.Length; i++) activations[i] = random.NextSingle();
            var distances = new float[batch * map.CellCount];
            var winners = new int[batch];
            var winnerDistances = new float[batch];

            void BestMatches() => map.ComputeSquaredDistances(activations, batch, distances, winners);
            void BestMatchesAndUpdate()
            {
                BestMatches();
                for (int b = 0; b < batch; b++) winnerDistances[b] = distances[b * map.CellCount + winners[b]];
                map.UpdateBatch(activations, batch, winners, winnerDistances, LearningRate, Radius);
            }
            void Online()
            {
                for (int b = 0; b < batch; b++)
                {
                    var row = activations.AsSpan(b * Dimension, Dimension);
                    int winner = map.FindBestMatch(row, out float distance);
                    map.Update(row, winner, distance, LearningRate, Radius);
                }
            }

            report(new BenchResult($"som_b{batch}_bmu", Measure.SecondsPerCall(BestMatches) * 1e6, "us/batch", false));
            report(new BenchResult($"som_b{batch}_bmu_update", Measure.SecondsPerCall(BestMatchesAndUpdate) * 1e6, "us/batch", false));
            report(new BenchResult($"som_b{batch}_online", Measure.SecondsPerCall(Online) * 1e6, "us/batch", false));
        }
    }
}
