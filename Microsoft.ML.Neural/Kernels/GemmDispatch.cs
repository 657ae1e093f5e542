namespace Microsoft.ML.Neural.Kernels;

/// <summary>An SGEMM implementation; <see cref="Auto"/> lets <see cref="GemmDispatch"/> choose.</summary>
internal enum GemmPath
{
    Auto,
    /// <summary>The fastest managed kernel this machine supports.</summary>
    Managed,
    Vector512,
    Vector256,
    Scalar,
    OpenBlas,
}

/// <summary>Chooses the SGEMM implementation for a shape. The environment variable
/// <c>MLNET_SGEMM</c> = <c>managed</c> | <c>openblas</c> | <c>auto</c> (default) forces one.</summary>
internal static class GemmDispatch
{
    public const string EnvironmentVariable = "MLNET_SGEMM";

    // Lazy so that a bad value surfaces as the InvalidOperationException itself at first use,
    // not as a TypeInitializationException.
    private static readonly Lazy<GemmPath?> s_forced = new(() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable)));

    /// <summary>Resolves <paramref name="requested"/> to a concrete path for an m×n×k product.</summary>
    public static GemmPath Choose(GemmPath requested, int m, int n, int k)
    {
        var path = requested == GemmPath.Auto ? s_forced.Value ?? Auto(m, n, k) : requested;
        return path switch
        {
            GemmPath.Managed => ManagedPath(ManagedGemm.BestKernel),
            GemmPath.Vector512 when !Vector512MicroKernel.IsSupported => throw Unsupported(path),
            GemmPath.Vector256 when !Vector256MicroKernel.IsSupported => throw Unsupported(path),
            GemmPath.OpenBlas when !OpenBlas.IsAvailable => throw new InvalidOperationException(
                $"SGEMM was asked to use OpenBLAS ({EnvironmentVariable}={Environment.GetEnvironmentVariable(EnvironmentVariable)}), but no OpenBLAS library with cblas_sgemm could be loaded."),
            _ => path,
        };
    }

    /// <summary>OpenBLAS (single-threaded) for products too small to split across threads,
    /// the managed kernel for the rest. Measured single-threaded on the 2-core AVX-512 Zen 4
    /// machine (GFLOP/s per core, managed vs OpenBLAS 0.3.21; shapes m×n×k, N/T = op of A, B):
    /// on one thread, up to 2 Mflop OpenBLAS wins, mostly on packing overhead (NN 64³ 76 vs 95, NN 100³ 77 vs
    /// 104, NT 100×10×100 32 vs 54); above it the managed kernel matches or wins (NT
    /// 2048×128×128 105 vs 90, NT 2048×512×128 104 vs 94, TN 1200×1200×100 106 vs 97, NT
    /// 100×4000×784 88 vs 76), bar a few small-m shapes within 10% the other way (NN
    /// 100×4000×4000 74 vs 82). Between 1 and 2 Mflop two managed threads beat one OpenBLAS
    /// thread (<see cref="ManagedGemm.ParallelFlops"/>). The managed kernel is also deterministic
    /// across thread counts.</summary>
    private static GemmPath Auto(int m, int n, int k) =>
        OpenBlas.IsAvailable && IsSmall(m, n, k) ? GemmPath.OpenBlas : GemmPath.Managed;

    /// <summary>At most <see cref="ManagedGemm.ParallelFlops"/>: one thread does the whole product.</summary>
    public static bool IsSmall(int m, int n, int k) => 2.0 * m * n * k <= ManagedGemm.ParallelFlops;

    private static GemmPath ManagedPath(GemmKernelKind kind) => kind switch
    {
        GemmKernelKind.Vector512 => GemmPath.Vector512,
        GemmKernelKind.Vector256 => GemmPath.Vector256,
        _ => GemmPath.Scalar,
    };

    private static PlatformNotSupportedException Unsupported(GemmPath path) =>
        new($"The {path} SGEMM kernel needs hardware acceleration this machine lacks.");

    internal static GemmPath? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => null,
        "managed" => GemmPath.Managed,
        "openblas" => GemmPath.OpenBlas,
        _ => throw new InvalidOperationException($"{EnvironmentVariable}='{value}' is not one of: managed, openblas, auto."),
    };
}
