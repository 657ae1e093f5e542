namespace Microsoft.ML.Neural;

/// <summary>Shared copies of small int arrays (shapes and strides). Tensors never mutate their shape
/// arrays, so equal shapes can share one array; an op that builds its output shape in a stack
/// span gets the same array back every step instead of allocating one.</summary>
/// <remarks>A per-thread, direct-mapped table: a lookup hashes the values, compares one slot, and on a
/// miss allocates and overwrites that slot. A training loop touches a few dozen distinct shapes, so
/// after the first step every lookup hits.</remarks>
internal static class ShapeCache
{
    private const int Slots = 256;
    private const int MaxRank = 8;

    [ThreadStatic] private static int[]?[]? t_slots;

    /// <summary>An immutable array equal to <paramref name="values"/>; do not mutate it.</summary>
    public static int[] Get(ReadOnlySpan<int> values)
    {
        if (values.Length == 0) return [];
        if (values.Length > MaxRank) return values.ToArray();
        var slots = t_slots ??= new int[]?[Slots];
        uint hash = (uint)values.Length;
        foreach (int v in values) hash = (hash ^ (uint)v) * 16777619u;
        ref var slot = ref slots[(hash ^ (hash >> 16)) & (Slots - 1)];
        if (slot is not null && values.SequenceEqual(slot)) return slot;
        return slot = values.ToArray();
    }
}
