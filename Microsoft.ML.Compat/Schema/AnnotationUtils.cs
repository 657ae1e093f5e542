namespace Microsoft.ML.Data;

/// <summary>Canonical annotation kinds and helpers to read the common ones.</summary>
public static class AnnotationUtils
{
    /// <summary>Annotation kind names, as ML.NET spells them.</summary>
    public static class Kinds
    {
        /// <summary>Vector&lt;String&gt; naming the slots of a vector column.</summary>
        public const string SlotNames = "SlotNames";
        /// <summary>Vector of the original values of a key column, in key order (key k ↔ item k-1).</summary>
        public const string KeyValues = "KeyValues";
        /// <summary>Text: the kind of task that produced a score column (e.g. "MulticlassClassification").</summary>
        public const string ScoreColumnKind = "ScoreColumnKind";
        /// <summary>Text: "Score", "Probability" or "PredictedLabel".</summary>
        public const string ScoreValueKind = "ScoreValueKind";
        /// <summary>Key: groups the output columns of one scorer.</summary>
        public const string ScoreColumnSetId = "ScoreColumnSetId";
        /// <summary>Boolean: the values are normalized.</summary>
        public const string IsNormalized = "IsNormalized";
        /// <summary>Vector of the label values seen in training.</summary>
        public const string TrainingLabelValues = "TrainingLabelValues";
    }

    /// <summary>Values of the ScoreColumnKind annotation.</summary>
    public static class Const
    {
        public static class ScoreColumnKind
        {
            public const string BinaryClassification = "BinaryClassification";
            public const string MulticlassClassification = "MulticlassClassification";
            public const string Regression = "Regression";
        }

        public static class ScoreValueKind
        {
            public const string Score = "Score";
            public const string Probability = "Probability";
            public const string PredictedLabel = "PredictedLabel";
        }
    }

    /// <summary>True when the column carries a text SlotNames annotation (of <paramref name="vectorSize"/> slots when that is given).</summary>
    public static bool HasSlotNames(this DataViewSchema.Column column, int vectorSize = 0)
    {
        var slotNames = column.Annotations.Schema.GetColumnOrNull(Kinds.SlotNames);
        return slotNames is { Type: VectorDataViewType v } && v.ItemType is TextDataViewType
            && (vectorSize == 0 || v.Size == vectorSize);
    }

    /// <summary>Reads the column's SlotNames annotation; throws when it has none.</summary>
    public static void GetSlotNames(this DataViewSchema.Column column, ref VBuffer<ReadOnlyMemory<char>> slotNames) =>
        column.Annotations.GetValue(Kinds.SlotNames, ref slotNames);

    /// <summary>True when the column carries a vector KeyValues annotation.</summary>
    public static bool HasKeyValues(this DataViewSchema.Column column) =>
        column.Annotations.Schema.GetColumnOrNull(Kinds.KeyValues) is { Type: VectorDataViewType };

    /// <summary>Reads the column's KeyValues annotation; throws when it has none or its items are not <typeparamref name="TValue"/>.</summary>
    public static void GetKeyValues<TValue>(this DataViewSchema.Column column, ref VBuffer<TValue> keyValues) =>
        column.Annotations.GetValue(Kinds.KeyValues, ref keyValues);

    /// <summary>True when the column has a Boolean IsNormalized annotation set to true.</summary>
    public static bool IsNormalized(this DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull(Kinds.IsNormalized) is not { Type: BooleanDataViewType })
            return false;
        bool value = false;
        column.Annotations.GetValue(Kinds.IsNormalized, ref value);
        return value;
    }
}
