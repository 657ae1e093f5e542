namespace Microsoft.ML.Neural.Kernels;

/// <summary>Which managed micro-kernel runs the product.</summary>
internal enum GemmKernelKind
{
    /// <summary>8×32 AVX-512 tiles (<see cref="Vector512MicroKernel"/>).</summary>
    Vector512,
    /// <summary>6×16 AVX2-class tiles (<see cref="Vector256MicroKernel"/>).</summary>
    Vector256,
    /// <summary>4×4 scalar tiles (<see cref="ScalarMicroKernel"/>).</summary>
    Scalar,
}

/// <summary>The managed SGEMM: Goto-style cache blocking around a register-blocked micro-kernel.
/// Loop nest per thread: columns in NC blocks → k in KC blocks (a packed kc×NC block of op(B),
/// 1 MiB, or a small block read in place: <see cref="ReadsBInPlace"/>) → rows in MC blocks
/// (packed op(A)) → MR-row micro-panels (kept in L1) → NR-column micro-panels of B (streamed
/// from L2/L3: the kernel needs only 8 bytes of B per cycle).</summary>
/// <remarks>Each C element is written by exactly one thread, and its value is the same FMA
/// chain in the same k order whatever the thread count, partition or kernel, so results are
/// bit-identical across all of them.</remarks>
internal static unsafe class ManagedGemm
{
    /// <summary>Depth of a k block; fixes the summation order, so it is shared by all kernels.</summary>
    internal const int KC = 256;
    /// <summary>Rows of op(A) packed at a time: a multiple of every kernel's MR (8, 6, 4).</summary>
    internal const int MC = 144;
    /// <summary>Columns of op(B) packed at a time: a multiple of every kernel's NR (32, 16, 4).
    /// 1024 measured 3-8% faster than 512 (whose 512 KiB block fits the 1 MiB L2) on Zen 4:
    /// op(A) is repacked n/NC times, and the B stream is cheap even from L3.</summary>
    internal const int NC = 1024;

    /// <summary>Up to this many flops a second thread costs more (wake-up, duplicated packing)
    /// than it saves. At 2 Mflop it already pays: a 100×100×100 product (a hidden layer of the
    /// batch-norm MLP at batch 100) took 24 µs on one thread (OpenBLAS) and 15 µs on two.</summary>
    internal const double ParallelFlops = 1e6;

    /// <summary>Largest k block of op(B) (kc·nc floats; 256 KiB, n = 256 at a full k block) read in place.</summary>
    internal const int InPlaceBFloats = 256 * 256;

    /// <summary>Whether the micro-kernels read a kc×nc block of op(B) where it lies instead of packing it. Only a
    /// row-major op(B) has NR consecutive values per k step, and only whole panels qualify (a ragged last panel
    /// would read past the matrix). Packing pays when many row panels reuse the block; with at most MC rows per
    /// thread the copy is pure cost, and a block this small stays in L2 read either way. With two threads each
    /// packs the whole block, so 256³ spent about a tenth of its time packing: in place it measured 10-20% faster
    /// (212 against 191 GFLOP/s in one A/B pair), as did the k = 2048 weight gradients of BERT-mini
    /// (256×256×2048, op(A) transposed). Larger blocks or more rows measured no faster or slower in place
    /// (512³ mixed, 1024³ and 2048³ 5-20% slower: the strided rows miss L2 and the TLB).</summary>
    private static bool ReadsBInPlace(in GemmArgs g, int kc, int nc, int nr, int rows) =>
        !g.TransB && nc % nr == 0 && (long)kc * nc <= InPlaceBFloats && rows <= MC;

    public static GemmKernelKind BestKernel =>
        Vector512MicroKernel.IsSupported ? GemmKernelKind.Vector512
        : Vector256MicroKernel.IsSupported ? GemmKernelKind.Vector256
        : GemmKernelKind.Scalar;

    /// <summary>Computes the whole product with <paramref name="kind"/>, on up to
    /// <paramref name="maxThreads"/> threads.</summary>
    public static void Run(ref GemmArgs g, GemmKernelKind kind, int maxThreads)
    {
        if (g.M == 0 || g.N == 0) return;
        if (g.K == 0)
        {
            GemmTile.Scale(g.C, g.Ldc, g.M, g.N, g.Beta);
            return;
        }
        switch (kind)
        {
            case GemmKernelKind.Vector512: Run<Vector512MicroKernel>(ref g, maxThreads); break;
            case GemmKernelKind.Vector256: Run<Vector256MicroKernel>(ref g, maxThreads); break;
            default: Run<ScalarMicroKernel>(ref g, maxThreads); break;
        }
    }

    private static void Run<TKernel>(ref GemmArgs g, int maxThreads) where TKernel : struct, IGemmMicroKernel
    {
        int parts = PartsFor(g, maxThreads, TKernel.MR, TKernel.NR);
        fixed (GemmArgs* state = &g)
        {
            if (parts > 1 && GemmThreadPool.Shared.TryRun(&RunPart<TKernel>, state, parts)) return;
            RunPart<TKernel>(state, 0, 1);
        }
    }

    /// <summary>How many threads to use: one per core (capped by the caller), but only for
    /// products big enough to pay for it, and never more than there are tiles to share out.</summary>
    private static int PartsFor(in GemmArgs g, int maxThreads, int mr, int nr)
    {
        int parts = Math.Min(maxThreads, GemmThreadPool.Shared.MaxParts);
        if (parts <= 1 || g.Flops <= ParallelFlops) return 1;
        int tiles = g.M >= g.N ? (g.M + mr - 1) / mr : (g.N + nr - 1) / nr;
        return Math.Min(parts, tiles);
    }

    /// <summary>Computes part <paramref name="part"/> of <paramref name="parts"/>: a band of rows
    /// (when op(A) is the taller operand) or of columns, in whole tiles.</summary>
    private static void RunPart<TKernel>(void* state, int part, int parts) where TKernel : struct, IGemmMicroKernel
    {
        ref readonly GemmArgs g = ref *(GemmArgs*)state;
        if (g.M >= g.N)
        {
            var (r0, r1) = Band(g.M, TKernel.MR, part, parts);
            Block<TKernel>(g, r0, r1, 0, g.N);
        }
        else
        {
            var (c0, c1) = Band(g.N, TKernel.NR, part, parts);
            Block<TKernel>(g, 0, g.M, c0, c1);
        }
    }

    internal static (int Start, int End) Band(int length, int unit, int part, int parts)
    {
        int units = (length + unit - 1) / unit;
        int start = (int)((long)units * part / parts) * unit;
        int end = (int)((long)units * (part + 1) / parts) * unit;
        return (Math.Min(start, length), Math.Min(end, length));
    }

    /// <summary>C[r0..r1, c0..c1] on the calling thread.</summary>
    private static void Block<TKernel>(in GemmArgs g, int r0, int r1, int c0, int c1) where TKernel : struct, IGemmMicroKernel
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        int aFloats = MC * KC, bFloats = NC * KC;
        float* aPack = GemmBuffers.ForCurrentThread(aFloats + bFloats + mr * nr);
        float* bPack = aPack + aFloats;
        float* edge = bPack + bFloats;

        for (int jc = c0; jc < c1; jc += NC)
        {
            int nc = Math.Min(NC, c1 - jc);
            for (int pc = 0; pc < g.K; pc += KC)
            {
                int kc = Math.Min(KC, g.K - pc);
                float beta = pc == 0 ? g.Beta : 1f;
                // B micro-panels: packed (NR apart along k, kc·NR apart from panel to panel) or in place.
                bool inPlace = ReadsBInPlace(g, kc, nc, nr, r1 - r0);
                float* bBlock = inPlace ? g.BAt(pc, jc) : bPack;
                nint bStride = inPlace ? g.Ldb : nr, panelStep = inPlace ? 1 : kc;
                if (!inPlace) GemmPacking.PackB(g.TransB, g.BAt(pc, jc), g.Ldb, kc, nc, nr, bPack);
                for (int ic = r0; ic < r1; ic += MC)
                {
                    int mc = Math.Min(MC, r1 - ic);
                    GemmPacking.PackA(g.TransA, g.AAt(ic, pc), g.Lda, mc, kc, mr, aPack);
                    for (int ir = 0; ir < mc; ir += mr)
                    {
                        float* aPanel = aPack + (nint)ir * kc;
                        float* cRow = g.C + (nint)(ic + ir) * g.Ldc + jc;
                        int rows = Math.Min(mr, mc - ir);
                        for (int jr = 0; jr < nc; jr += nr)
                        {
                            float* bPanel = bBlock + jr * panelStep;
                            int cols = Math.Min(nr, nc - jr);
                            if (rows == mr && cols == nr)
                            {
                                TKernel.Run(kc, aPanel, bPanel, bStride, cRow + jr, g.Ldc, beta);
                            }
                            else
                            {
                                TKernel.RunEdge(kc, aPanel, bPanel, bStride, edge, rows, cols);
                                GemmTile.Combine(edge, nr, cRow + jr, g.Ldc, rows, cols, beta);
                            }
                        }
                    }
                }
            }
        }
    }
}
