namespace Microsoft.ML.Neural;

/// <summary>Per-thread pool of float arrays keyed by exact length.</summary>
internal static class BufferPool
{
    [ThreadStatic] private static Dictionary<int, Stack<float[]>>? t_pool;

    public static float[] Rent(int count)
    {
        if (t_pool is not null && t_pool.TryGetValue(count, out var stack) && stack.Count > 0) return stack.Pop();
        return new float[count];
    }

    public static void Return(float[] array)
    {
        var pool = t_pool ??= new();
        if (!pool.TryGetValue(array.Length, out var stack)) pool[array.Length] = stack = new Stack<float[]>();
        stack.Push(array);
    }
}
