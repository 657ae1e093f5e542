namespace Microsoft.ML.Data;

/// <summary>Makes a <see cref="TextLoader.Column"/> a key column with <see cref="Count"/> values. In the file keys
/// are written 0-based (0..Count-1); in memory they become 1..Count, and an empty field becomes the missing key 0.</summary>
public sealed class KeyCount
{
    public KeyCount(ulong count)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        Count = count;
    }

    public ulong Count { get; }
}
