using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// Bridges between typed getters and boxed values for the rare places that handle values of a type known only
/// at run time (annotations in model files, previews). Not for per-row work.
/// </summary>
internal static class BoxedValues
{
    private static readonly MethodInfo ReadMethod = typeof(BoxedValues).GetMethod(nameof(ReadTyped), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ScalarGetterMethod = typeof(BoxedValues).GetMethod(nameof(ScalarGetter), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo VectorGetterMethod = typeof(BoxedValues).GetMethod(nameof(VectorGetter), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Invokes a <c>ValueGetter&lt;rawType&gt;</c> and boxes the result.</summary>
    public static object Read(Type rawType, Delegate getter) =>
        ReadMethod.MakeGenericMethod(rawType).Invoke(null, new object[] { getter })!;

    /// <summary>A getter that always yields <paramref name="value"/> (vectors are copied so readers cannot alter it).</summary>
    public static Delegate ConstantGetter(DataViewType type, object value) =>
        type is VectorDataViewType vector
            ? (Delegate)VectorGetterMethod.MakeGenericMethod(vector.ItemType.RawType).Invoke(null, new[] { value })!
            : (Delegate)ScalarGetterMethod.MakeGenericMethod(type.RawType).Invoke(null, new[] { value })!;

    private static object ReadTyped<T>(Delegate getter)
    {
        T value = default!;
        ((ValueGetter<T>)getter)(ref value);
        return value!;
    }

    private static ValueGetter<T> ScalarGetter<T>(object value)
    {
        var typed = (T)value;
        return (ref T dst) => dst = typed;
    }

    private static ValueGetter<VBuffer<T>> VectorGetter<T>(object value)
    {
        var typed = (VBuffer<T>)value;
        return (ref VBuffer<T> dst) => typed.CopyTo(ref dst);
    }
}
