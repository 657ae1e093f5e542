using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.Benchmarks;

/// <summary>Group "sgemm": square C = A·B at 256…2048 in GFLOP/s (2n³/t) through the public
/// <see cref="Gemm.Sgemm"/> (its default path choice), the same through OpenBLAS where present
/// (<c>sgemm_{n}_openblas</c>, for reference), and this machine's FMA peak over all cores.</summary>
public sealed class SgemmBenchmark : IBenchmark
{
    private static readonly int[] Sizes = [256, 512, 1024, 2048];

    public string Group => "sgemm";

    public void Run(Action<BenchResult> report)
    {
        double peak = FmaPeakGflops();
        report(new BenchResult("fma_peak", peak, "GFLOP/s", true));
        var random = new Random(42);
        foreach (int n in Sizes)
        {
            var a = RandomMatrix(random, n);
            var b = RandomMatrix(random, n);
            var c = new float[n * n];
            double flops = 2.0 * n * n * n;
            double managed = flops / Measure.SecondsPerCall(() => Gemm.Sgemm(false, false, n, n, n, a, n, b, n, c, n)) / 1e9;
            report(new BenchResult($"sgemm_{n}", managed, "GFLOP/s", true));
            Console.Error.WriteLine($"# sgemm_{n}: {Gemm.DescribePath(n, n, n)}, {managed / peak:P0} of peak");
            if (OpenBlas.IsAvailable)
            {
                double native = flops / Measure.SecondsPerCall(() => Gemm.Sgemm(GemmPath.OpenBlas, int.MaxValue, false, false, n, n, n, a, n, b, n, c, n)) / 1e9;
                report(new BenchResult($"sgemm_{n}_openblas", native, "GFLOP/s", true));
            }
        }
    }

    private static float[] RandomMatrix(Random random, int n)
    {
        var m = new float[n * n];
        for (int i = 0; i < m.Length; i++) m[i] = (float)(random.NextDouble() * 2 - 1);
        return m;
    }

    /// <summary>Peak single-precision FMA throughput: one thread per core, each running
    /// independent chains of the widest accelerated vector FMA on registers only (no memory
    /// traffic); best of several runs. 2 flops per lane per FMA.</summary>
    private static double FmaPeakGflops()
    {
        int threads = Environment.ProcessorCount;
        const long Iterations = 50_000_000;
        int lanes = Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 4;
        double best = 0;
        for (int run = 0; run < 5; run++)
        {
            using var barrier = new Barrier(threads + 1);
            var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
            {
                barrier.SignalAndWait();
                Sink = lanes == 16 ? FmaChains<Fma512, Vector512<float>>(Iterations)
                    : lanes == 8 ? FmaChains<Fma256, Vector256<float>>(Iterations)
                    : FmaChains<Fma128, Vector128<float>>(Iterations);
                barrier.SignalAndWait();
            })).ToList();
            workers.ForEach(t => t.Start());
            barrier.SignalAndWait();
            var sw = Stopwatch.StartNew();
            barrier.SignalAndWait();
            double seconds = sw.Elapsed.TotalSeconds;
            workers.ForEach(t => t.Join());
            best = Math.Max(best, threads * Iterations * ChainCount * lanes * 2.0 / seconds / 1e9);
        }
        return best;
    }

    /// <summary>Independent accumulator chains per loop: enough to cover FMA latency (4 cycles)
    /// times the FMA units (2) with room to spare.</summary>
    private const int ChainCount = 12;

    private static float Sink;

    /// <summary>One vector width's FMA, as a struct so the generic chain loop is specialised
    /// and the FMA inlined.</summary>
    private interface IFmaWidth<T>
    {
        static abstract T Create(float value);
        static abstract T Fma(T x, T m, T a);
        static abstract float First(T v);
    }

    private readonly struct Fma512 : IFmaWidth<Vector512<float>>
    {
        public static Vector512<float> Create(float value) => Vector512.Create(value);
        public static Vector512<float> Fma(Vector512<float> x, Vector512<float> m, Vector512<float> a) => Vector512.FusedMultiplyAdd(x, m, a);
        public static float First(Vector512<float> v) => v.ToScalar();
    }

    private readonly struct Fma256 : IFmaWidth<Vector256<float>>
    {
        public static Vector256<float> Create(float value) => Vector256.Create(value);
        public static Vector256<float> Fma(Vector256<float> x, Vector256<float> m, Vector256<float> a) => Vector256.FusedMultiplyAdd(x, m, a);
        public static float First(Vector256<float> v) => v.ToScalar();
    }

    private readonly struct Fma128 : IFmaWidth<Vector128<float>>
    {
        public static Vector128<float> Create(float value) => Vector128.Create(value);
        public static Vector128<float> Fma(Vector128<float> x, Vector128<float> m, Vector128<float> a) => Vector128.FusedMultiplyAdd(x, m, a);
        public static float First(Vector128<float> v) => v.ToScalar();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float FmaChains<TWidth, T>(long iterations) where TWidth : struct, IFmaWidth<T>
    {
        T m = TWidth.Create(0.999999f), a = TWidth.Create(1e-7f);
        T c0 = a, c1 = a, c2 = a, c3 = a, c4 = a, c5 = a, c6 = a, c7 = a, c8 = a, c9 = a, c10 = a, c11 = a;
        for (long i = 0; i < iterations; i++)
        {
            c0 = TWidth.Fma(c0, m, a); c1 = TWidth.Fma(c1, m, a); c2 = TWidth.Fma(c2, m, a); c3 = TWidth.Fma(c3, m, a);
            c4 = TWidth.Fma(c4, m, a); c5 = TWidth.Fma(c5, m, a); c6 = TWidth.Fma(c6, m, a); c7 = TWidth.Fma(c7, m, a);
            c8 = TWidth.Fma(c8, m, a); c9 = TWidth.Fma(c9, m, a); c10 = TWidth.Fma(c10, m, a); c11 = TWidth.Fma(c11, m, a);
        }
        return TWidth.First(c0) + TWidth.First(c1) + TWidth.First(c2) + TWidth.First(c3) + TWidth.First(c4) + TWidth.First(c5)
            + TWidth.First(c6) + TWidth.First(c7) + TWidth.First(c8) + TWidth.First(c9) + TWidth.First(c10) + TWidth.First(c11);
    }
}
