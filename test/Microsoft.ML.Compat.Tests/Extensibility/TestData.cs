using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Extensibility;

/// <summary>Two-feature points around three centroids (0,0), (10,0), (0,10) with labels "a", "b", "c".</summary>
internal static class TestData
{
    public static readonly float[] Features =
    {
        0, 1, 1, 0, 0, -1,       // class a (keys 1)
        10, 1, 9, 0, 11, -1,     // class b (keys 2)
        0, 11, 1, 10, -1, 9,     // class c (keys 3)
        0.5f, 0.5f,              // a
    };

    public static readonly uint[] Labels = { 1, 1, 1, 2, 2, 2, 3, 3, 3, 1 };

    public static IDataView View(uint[]? labels = null) => new ArrayDataViewBuilder()
        .AddColumn("Features", NumberDataViewType.Single, 2, Features)
        .AddKeyColumn("Label", new[] { "a", "b", "c" }, labels ?? Labels)
        .AddColumn("Id", NumberDataViewType.Int32, Enumerable.Range(100, 10).ToArray())
        .GetDataView();
}
