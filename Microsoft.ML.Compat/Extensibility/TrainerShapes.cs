using Microsoft.ML.Data;

namespace Microsoft.ML.Trainers;

/// <summary>The schema shapes trainers expect of their columns (ML.NET's TrainerUtils.Make* helpers).</summary>
public static class TrainerShapes
{
    /// <summary>A known-size Vector&lt;Single&gt; feature column.</summary>
    public static SchemaShape.Column FloatVectorFeatures(string name) =>
        new(name, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false);

    /// <summary>A Key&lt;UInt32&gt; label column (multiclass).</summary>
    public static SchemaShape.Column KeyLabel(string name) =>
        new(name, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.UInt32, isKey: true);

    /// <summary>A Boolean label column (binary).</summary>
    public static SchemaShape.Column BooleanLabel(string name) =>
        new(name, SchemaShape.Column.VectorKind.Scalar, BooleanDataViewType.Instance, isKey: false);

    /// <summary>A Single column (regression label, example weight).</summary>
    public static SchemaShape.Column FloatScalar(string name) =>
        new(name, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single, isKey: false);

    /// <summary>A Text column (e.g. a sentence fed to a text classifier).</summary>
    public static SchemaShape.Column Text(string name) =>
        new(name, SchemaShape.Column.VectorKind.Scalar, TextDataViewType.Instance, isKey: false);
}
