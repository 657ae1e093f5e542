using System.Globalization;
using System.Text;

namespace Microsoft.ML.Neural;

/// <summary>An n-dimensional array of float32 values with reverse-mode autograd.
/// Storage is a flat array addressed through an offset and per-dimension strides, so reshape,
/// transpose, permute, slicing and broadcasting (<see cref="TensorOps.Expand"/>) are views that
/// share storage; ops that need contiguous input copy only when the layout demands it.</summary>
/// <remarks>Ops live in <see cref="TensorOps"/> as extension methods (<c>x.MatMul(w)</c>), the
/// autograd engine in <see cref="Autograd"/>. A tensor created inside a <see cref="TensorScope"/>
/// borrows pooled storage that returns to the pool when the scope ends.</remarks>
public sealed partial class Tensor
{
    private float[]? _storage;

    /// <summary>Index of element [0, 0, …] in <see cref="Storage"/>.</summary>
    internal int Offset { get; private set; }

    /// <summary>Shape; never mutated (shape arrays are shared between tensors, see <see cref="ShapeCache"/>).</summary>
    internal int[] Dims { get; private set; }

    /// <summary>Null for a tensor created contiguous until someone asks for its strides
    /// (most never do, so most tensors skip that array).</summary>
    private int[]? _strides;

    /// <summary>Shape arrays are shared between tensors and must never be mutated.</summary>
    internal Tensor(float[] storage, int offset, int[] dims, int[] strides, bool tracked = true)
    {
        Point(storage, offset, dims, strides);
        if (tracked) TensorScope.Current?.Track(this);
    }

    /// <summary>A contiguous tensor over <paramref name="storage"/> from <paramref name="offset"/> (no copy).</summary>
    internal Tensor(float[] storage, int[] dims, bool tracked = true, int offset = 0)
    {
        Point(storage, offset, dims, null);
        if (tracked) TensorScope.Current?.Track(this);
    }

    /// <summary>A tensor over <paramref name="storage"/> (no copy), tracked by the current scope. Inside a
    /// <see cref="TensorScope.BeginStep"/> scope the object itself is a recycled one.</summary>
    internal static Tensor Create(float[] storage, int offset, int[] dims, int[]? strides = null)
    {
        var scope = TensorScope.Current;
        var recycled = scope?.TakeRecycled();
        if (recycled is null)
            return strides is null ? new Tensor(storage, dims, offset: offset) : new Tensor(storage, offset, dims, strides);
        recycled.Point(storage, offset, dims, strides);
        scope!.Track(recycled);
        return recycled;
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Dims))]
    private void Point(float[] storage, int offset, int[] dims, int[]? strides)
    {
        _storage = storage;
        Offset = offset;
        Dims = dims;
        _strides = strides;
        Count = Shapes.Count(dims);
    }

    /// <summary>Forgets everything about this released tensor, so a step scope can hand the object out again.</summary>
    internal void ResetForReuse()
    {
        _storage = null;
        Dims = [];
        _strides = null;
        Offset = Count = 0;
        _requiresGrad = false;
        _gradBuffer = null;
        _hooks = null;
        GradFn = null;
        PendingGrad = null;
        RetainsGrad = false;
        Grad = null;
        Scope = null;
    }

    /// <summary>Elements to skip per step along each dimension (0 on broadcast dimensions).</summary>
    internal int[] Strides => _strides ??= Shapes.ContiguousStrides(Dims);

    /// <summary>The backing array. Throws once the <see cref="TensorScope"/> that owned it has ended.</summary>
    internal float[] Storage => _storage ?? throw new ObjectDisposedException(nameof(Tensor),
        $"This tensor {Shapes.Format(Dims)} belonged to a TensorScope that has been disposed; " +
        "call DetachFromScope() or MoveToOuterScope() on tensors that must outlive their scope.");

    internal bool IsReleased => _storage is null;

    internal void Release() => _storage = null;

    /// <summary>Number of elements.</summary>
    public int Count { get; private set; }

    /// <summary>Size of each dimension.</summary>
    public IReadOnlyList<int> Shape => Dims;

    /// <summary>Number of dimensions (0 for a scalar).</summary>
    public int Rank => Dims.Length;

    /// <summary>Size of dimension <paramref name="dim"/>; negative values count from the end.</summary>
    public int Size(int dim) => Dims[Shapes.NormalizeDim(dim, Dims.Length, "Size")];

    /// <summary>True when the elements are stored row-major without gaps, starting anywhere in storage.</summary>
    public bool IsContiguous => _strides is null || Shapes.IsContiguous(Dims, _strides);

    /// <summary>The elements of a contiguous tensor, writable in place. Writing bypasses autograd.</summary>
    public Span<float> AsSpan()
    {
        if (!IsContiguous)
            throw new InvalidOperationException($"AsSpan needs a contiguous tensor; this {Shapes.Format(Dims)} view has strides {Shapes.Format(Strides)}. Call Contiguous() first.");
        return Storage.AsSpan(Offset, Count);
    }

    /// <summary>The elements of a contiguous tensor, read-only.</summary>
    public ReadOnlySpan<float> AsReadOnlySpan() => AsSpan();

    /// <summary>A row-major copy of the elements.</summary>
    public float[] ToArray()
    {
        var result = new float[Count];
        Strided.CopyTo(this, result);
        return result;
    }

    /// <summary>The value of a single-element tensor.</summary>
    public float Item()
    {
        if (Count != 1) throw new InvalidOperationException($"Item() needs a single-element tensor; this one has shape {Shapes.Format(Dims)}.");
        return Storage[Offset];
    }

    /// <summary>Reads or writes one element; writing bypasses autograd.</summary>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public float this[params int[] index]
    {
        get => Storage[ElementOffset(index)];
        set => Storage[ElementOffset(index)] = value;
    }

    private int ElementOffset(int[] index)
    {
        if (index.Length != Dims.Length)
            throw new ArgumentException($"Index has {index.Length} coordinates but the tensor {Shapes.Format(Dims)} has {Dims.Length} dimensions.", nameof(index));
        int offset = Offset;
        for (int d = 0; d < index.Length; d++)
        {
            int i = index[d] < 0 ? index[d] + Dims[d] : index[d];
            if ((uint)i >= (uint)Dims[d])
                throw new IndexOutOfRangeException($"Index {index[d]} is out of range for dimension {d} of size {Dims[d]} (shape {Shapes.Format(Dims)}).");
            offset += i * Strides[d];
        }
        return offset;
    }

    /// <summary>Storage shared with other tensors (views) is reported by <see cref="SharesStorageWith"/>.</summary>
    public bool SharesStorageWith(Tensor other) => ReferenceEquals(Storage, other.Storage);

    public override string ToString()
    {
        var sb = new StringBuilder("Tensor").Append(Shapes.Format(Dims));
        if (IsReleased) return sb.Append(" (released)").ToString();
        if (Count <= 8)
        {
            sb.Append(" {");
            var values = ToArray();
            for (int i = 0; i < values.Length; i++)
                sb.Append(i == 0 ? " " : ", ").Append(values[i].ToString("G6", CultureInfo.InvariantCulture));
            sb.Append(" }");
        }
        if (GradFn is not null) sb.Append(" grad_fn=").Append(GradFn.Name);
        else if (RequiresGrad) sb.Append(" requires_grad");
        return sb.ToString();
    }
}
