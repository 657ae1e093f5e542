using System.Runtime.InteropServices;

namespace Microsoft.ML.Neural.Kernels;

/// <summary>The system OpenBLAS (Debian: libopenblas0-pthread), resolved on first use with
/// NativeLibrary so that machines without it simply report <see cref="IsAvailable"/> = false.</summary>
internal static unsafe class OpenBlas
{
    private const int RowMajor = 101, NoTrans = 111, Trans = 112;

    private static readonly string[] LibraryNames =
        ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib", "libopenblas", "openblas"];

    private static readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> s_sgemm;
    private static readonly delegate* unmanaged<int, void> s_setNumThreads;
    private static int s_threads;

    static OpenBlas()
    {
        foreach (var name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, out var handle)) continue;
            if (!NativeLibrary.TryGetExport(handle, "cblas_sgemm", out var sgemm)) continue;
            s_sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sgemm;
            if (NativeLibrary.TryGetExport(handle, "openblas_set_num_threads", out var setThreads))
                s_setNumThreads = (delegate* unmanaged<int, void>)setThreads;
            return;
        }
    }

    public static bool IsAvailable => s_sgemm != null;

    /// <summary>cblas_sgemm with alpha = 1 in row-major order, on at most
    /// <paramref name="threads"/> OpenBLAS threads. One thread for small products also keeps
    /// OpenBLAS's pool (whose threads busy-wait after a job) off the cores that the managed
    /// kernel's workers use for the next, larger product.</summary>
    public static void Sgemm(in GemmArgs g, int threads)
    {
        if (s_sgemm == null) throw new InvalidOperationException("OpenBLAS (cblas_sgemm) is not available on this machine.");
        threads = Math.Clamp(threads, 1, Environment.ProcessorCount);
        if (s_setNumThreads != null && s_threads != threads)
        {
            s_setNumThreads(threads);
            s_threads = threads;
        }
        s_sgemm(RowMajor, g.TransA ? Trans : NoTrans, g.TransB ? Trans : NoTrans, g.M, g.N, g.K,
            1f, g.A, g.Lda, g.B, g.Ldb, g.Beta, g.C, g.Ldc);
    }
}
