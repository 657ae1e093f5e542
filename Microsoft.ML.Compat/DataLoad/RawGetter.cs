using System.Reflection;

namespace Microsoft.ML.Data;

/// <summary>Gets a column's getter as an untyped delegate when its raw type is only known at run time.</summary>
internal static class RawGetter
{
    private static readonly MethodInfo GetGetterMethod = typeof(DataViewRow).GetMethod(nameof(DataViewRow.GetGetter))!;

    public static Delegate Of(DataViewRow row, DataViewSchema.Column column) =>
        (Delegate)GetGetterMethod.MakeGenericMethod(column.Type.RawType).Invoke(row, new object[] { column })!;
}
