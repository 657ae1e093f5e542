namespace Microsoft.ML.Benchmarks;

/// <summary>One group of benchmark figures (e.g. "sgemm"). Implementations are found by reflection,
/// so adding a benchmark means adding one file that implements this interface.</summary>
public interface IBenchmark
{
    /// <summary>Group name used on the command line (`eng/bench.sh sgemm mlp`).</summary>
    string Group { get; }

    /// <summary>Runs the workloads and reports each figure through <paramref name="report"/>.</summary>
    void Run(Action<BenchResult> report);
}

/// <summary>One figure, printed as <c>RESULT,name,value,unit,higher|lower</c> (bench/WORKLOADS.md).</summary>
public readonly record struct BenchResult(string Name, double Value, string Unit, bool HigherIsBetter)
{
    public override string ToString() =>
        FormattableString.Invariant($"RESULT,{Name},{Value:G6},{Unit},{(HigherIsBetter ? "higher" : "lower")}");
}
