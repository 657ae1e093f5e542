using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Neural.Kernels;

/// <summary>One pack buffer per thread, kept between calls so that SGEMM allocates nothing
/// after warm-up. Allocated on the pinned object heap (its address never moves, and it is
/// freed with its thread) and handed out 64-byte aligned for aligned vector loads.</summary>
internal static unsafe class GemmBuffers
{
    private const int AlignFloats = 16;

    [ThreadStatic] private static float[]? t_buffer;

    /// <summary>A 64-byte aligned scratch area of at least <paramref name="floats"/> floats,
    /// valid on the calling thread until its next call.</summary>
    public static float* ForCurrentThread(int floats)
    {
        var buffer = t_buffer;
        if (buffer is null || buffer.Length < floats + AlignFloats)
        {
            buffer = GC.AllocateUninitializedArray<float>(floats + AlignFloats, pinned: true);
            t_buffer = buffer;
        }
        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (float*)((start + 63) & ~(nint)63);
    }
}
