using System.Collections;

namespace Microsoft.ML.Data;

/// <summary>Builds the annotations ML.NET puts on scorer output columns.</summary>
internal static class ScoreAnnotations
{
    /// <summary>The type of the ScoreColumnSetId annotation.</summary>
    public static readonly KeyDataViewType SetIdType = new(typeof(uint), int.MaxValue);

    /// <summary>One more than the largest ScoreColumnSetId already in <paramref name="schema"/>, so each scorer's columns form their own set.</summary>
    public static uint NextSetId(DataViewSchema schema)
    {
        uint max = 0;
        foreach (var column in schema)
        {
            if (column.Annotations.Schema.GetColumnOrNull(AnnotationUtils.Kinds.ScoreColumnSetId) is { } ann && ann.Type.Equals(SetIdType))
            {
                uint id = 0;
                column.Annotations.GetValue(AnnotationUtils.Kinds.ScoreColumnSetId, ref id);
                max = Math.Max(max, id);
            }
        }
        return max + 1;
    }

    /// <summary>ScoreColumnKind, ScoreValueKind and ScoreColumnSetId, plus whatever <paramref name="extra"/> adds.</summary>
    public static DataViewSchema.Annotations Create(string columnKind, string valueKind, uint setId,
        Action<DataViewSchema.Annotations.Builder>? extra = null)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        extra?.Invoke(builder);
        builder.AddPrimitiveValue(AnnotationUtils.Kinds.ScoreColumnKind, TextDataViewType.Instance, columnKind.AsMemory());
        builder.AddPrimitiveValue(AnnotationUtils.Kinds.ScoreValueKind, TextDataViewType.Instance, valueKind.AsMemory());
        builder.AddPrimitiveValue(AnnotationUtils.Kinds.ScoreColumnSetId, SetIdType, setId);
        return builder.ToAnnotations();
    }

    /// <summary>Adds the KeyValues of <paramref name="keyValues"/> under the kind <paramref name="kind"/>.</summary>
    public static void AddKeyValuesAs(DataViewSchema.Annotations.Builder builder, DataViewSchema.Annotations keyValues, string kind)
    {
        var column = keyValues.Schema[AnnotationUtils.Kinds.KeyValues];
        builder.Add(kind, column.Type, keyValues.GetRawGetter(column.Index));
    }

    /// <summary>The label's KeyValues rendered as text slot names (numbers and other values via invariant ToString).</summary>
    public static VBuffer<ReadOnlyMemory<char>> SlotNamesFromKeyValues(DataViewSchema.Annotations keyValues)
    {
        var column = keyValues.Schema[AnnotationUtils.Kinds.KeyValues];
        var vector = BoxedValues.Read(column.Type.RawType, keyValues.GetRawGetter(column.Index));
        var items = (IEnumerable)vector.GetType().GetMethod(nameof(VBuffer<int>.DenseValues))!.Invoke(vector, null)!;
        var names = items.Cast<object>()
            .Select(item => (item is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : item.ToString() ?? "").AsMemory())
            .ToArray();
        return new VBuffer<ReadOnlyMemory<char>>(names.Length, names);
    }
}
