using System.Reflection;

namespace Microsoft.ML.Data;

/// <summary>A boxed snapshot of the first rows of a data view (<see cref="DataViewExtensions.Preview"/>). Not for bulk work.</summary>
public sealed class DataDebuggerPreview
{
    private static readonly MethodInfo ReadMethod = typeof(DataDebuggerPreview).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;

    internal DataDebuggerPreview(IDataView data, int maxRows)
    {
        Schema = data.Schema;
        var columns = Schema.Where(c => !c.IsHidden).ToArray();
        var values = columns.Select(_ => new List<object>()).ToArray();
        var rows = new List<RowInfo>();
        using (var cursor = data.GetRowCursor(columns))
        {
            var readers = columns.Select(c => (Func<object>)ReadMethod.MakeGenericMethod(c.Type.RawType).Invoke(null, new object[] { cursor, c })!).ToArray();
            while (rows.Count < maxRows && cursor.MoveNext())
            {
                var row = new KeyValuePair<string, object>[columns.Length];
                for (int i = 0; i < columns.Length; i++)
                {
                    var value = readers[i]();
                    values[i].Add(value);
                    row[i] = new KeyValuePair<string, object>(columns[i].Name, value);
                }
                rows.Add(new RowInfo(row));
            }
        }
        ColumnView = columns.Select((c, i) => new ColumnInfo(c, values[i].ToArray())).ToArray();
        RowView = rows.ToArray();
    }

    public DataViewSchema Schema { get; }
    public ColumnInfo[] ColumnView { get; }
    public RowInfo[] RowView { get; }

    public override string ToString() => $"{ColumnView.Length} columns, {RowView.Length} rows";

    /// <summary>Reads the current value into a fresh box (vectors get their own arrays).</summary>
    private static Func<object> Read<T>(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<T>(column);
        return () =>
        {
            T value = default!;
            getter(ref value);
            return value!;
        };
    }

    /// <summary>One column's previewed values.</summary>
    public sealed class ColumnInfo
    {
        internal ColumnInfo(DataViewSchema.Column column, object[] values)
        {
            Column = column;
            Values = values;
        }

        public DataViewSchema.Column Column { get; }
        public object[] Values { get; }
        public override string ToString() => $"{Column.Name}: {Values.Length} values";
    }

    /// <summary>One row's values by column name.</summary>
    public sealed class RowInfo
    {
        internal RowInfo(KeyValuePair<string, object>[] values) => Values = values;

        public KeyValuePair<string, object>[] Values { get; }
        public override string ToString() => string.Join(" | ", Values.Select(v => $"{v.Key}: {v.Value}"));
    }
}
