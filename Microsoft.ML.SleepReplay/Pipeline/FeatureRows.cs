using Microsoft.ML.Runtime;
using Microsoft.ML.Data;

namespace Microsoft.ML.SleepReplay;

/// <summary>Reads a known-size float vector column into one dense row-major array.</summary>
internal static class FeatureRows
{
    public static (float[] Values, int Count) Read(IDataView data, string columnName, int expectedSize, IHost host)
    {
        var column = ColumnChecks.FindColumn(data.Schema, columnName, new VectorDataViewType(NumberDataViewType.Single, expectedSize), "feature");
        var values = new List<float>();
        int count = 0;
        var row = new float[expectedSize];
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> vector = default;
        while (cursor.MoveNext())
        {
            if (count % 1024 == 0) host.CheckAlive();
            getter(ref vector);
            vector.CopyTo(row);
            values.AddRange(row);
            count++;
        }
        return (values.ToArray(), count);
    }
}
