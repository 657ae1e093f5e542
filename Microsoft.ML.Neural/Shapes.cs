using System.Text;

namespace Microsoft.ML.Neural;

/// <summary>Shape arithmetic shared by the ops: counts, strides, dimension normalisation,
/// broadcasting, and the messages that name an op and its shapes.</summary>
internal static class Shapes
{
    public static int Count(int[] dims)
    {
        long n = 1;
        foreach (int d in dims) n *= d;
        if (n > int.MaxValue) throw new ArgumentException($"A tensor of shape {Format(dims)} has more than {int.MaxValue} elements.");
        return (int)n;
    }

    /// <summary>Row-major strides of <paramref name="dims"/>, a shared array from <see cref="ShapeCache"/>.</summary>
    public static int[] ContiguousStrides(int[] dims)
    {
        Span<int> strides = stackalloc int[dims.Length];
        int s = 1;
        for (int d = dims.Length - 1; d >= 0; d--)
        {
            strides[d] = s;
            s *= dims[d];
        }
        return ShapeCache.Get(strides);
    }

    public static bool IsContiguous(int[] dims, int[] strides)
    {
        int expected = 1;
        for (int d = dims.Length - 1; d >= 0; d--)
        {
            if (dims[d] != 1 && strides[d] != expected) return false;
            expected *= dims[d];
        }
        return true;
    }

    public static int NormalizeDim(int dim, int rank, string op)
    {
        int d = dim < 0 ? dim + rank : dim;
        if ((uint)d >= (uint)rank)
            throw new ArgumentOutOfRangeException(nameof(dim), $"{op}: dimension {dim} is out of range for a tensor of rank {rank}.");
        return d;
    }

    public static bool Equal(int[] a, int[] b) => a.AsSpan().SequenceEqual(b);

    public static string Format(IReadOnlyList<int> dims)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < dims.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(dims[i]);
        }
        return sb.Append(']').ToString();
    }

    /// <summary>Checked user-supplied shape: copied, every size ≥ 0, at most one −1 inferred from
    /// <paramref name="count"/> when given.</summary>
    public static int[] Validate(int[] shape, string op, int count = -1)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var dims = (int[])shape.Clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] == -1 && count >= 0 && infer < 0) { infer = i; continue; }
            if (dims[i] < 0) throw new ArgumentException($"{op}: invalid size {dims[i]} in shape {Format(shape)}.");
            known *= dims[i];
        }
        if (infer >= 0)
        {
            if (known == 0 || count % known != 0)
                throw new ArgumentException($"{op}: cannot infer the -1 in shape {Format(shape)} for {count} elements.");
            dims[infer] = (int)(count / known);
        }
        else if (count >= 0 && known != count)
        {
            throw new ArgumentException($"{op}: shape {Format(shape)} holds {known} elements but the tensor has {count}.");
        }
        return dims;
    }

    /// <summary>NumPy broadcasting of two shapes; throws naming the op and both shapes. The result
    /// is <paramref name="a"/> itself or a shared array from <see cref="ShapeCache"/>: never mutate it.</summary>
    public static int[] Broadcast(int[] a, int[] b, string op)
    {
        if (Equal(a, b)) return a;
        int rank = Math.Max(a.Length, b.Length);
        Span<int> result = stackalloc int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            int db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"{op}: shapes {Format(a)} and {Format(b)} cannot be broadcast together (dimension {i}: {da} vs {db}).");
            result[i] = da == 1 ? db : da;
        }
        return ShapeCache.Get(result);
    }

    /// <summary>Strides of <paramref name="t"/> seen through the broadcast shape <paramref name="target"/>:
    /// 0 along broadcast dimensions.</summary>
    public static void BroadcastStrides(Tensor t, int[] target, Span<int> strides)
    {
        int lead = target.Length - t.Dims.Length;
        for (int i = 0; i < target.Length; i++)
        {
            int d = i - lead;
            strides[i] = d < 0 || t.Dims[d] == 1 ? 0 : t.Strides[d];
        }
    }
}
