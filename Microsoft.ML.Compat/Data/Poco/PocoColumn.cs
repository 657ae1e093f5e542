using System.Linq.Expressions;

namespace Microsoft.ML.Data;

/// <summary>Holds the row object a cursor or prediction engine is on.</summary>
internal sealed class RowHolder<TRow>
{
    public TRow? Current;
}

/// <summary>
/// Moves values between one member of a row class and a column: a getter reading the member (row class → view)
/// and a setter writing it from a row (view → row class). Accessors are compiled once per member.
/// </summary>
internal abstract class PocoColumn<TRow>
{
    protected PocoColumn(PocoMember member)
    {
        Member = member;
    }

    public PocoMember Member { get; }

    /// <summary>The raw column type this member converts to and from (e.g. VBuffer&lt;float&gt; for float[]).</summary>
    public abstract Type RawType { get; }

    /// <summary>A ValueGetter of <see cref="RawType"/> reading the member of <c>holder.Current</c>.</summary>
    public abstract Delegate MakeGetter(RowHolder<TRow> holder);

    /// <summary>Reads <paramref name="column"/> of <paramref name="row"/> into the member; with <paramref name="reuse"/>,
    /// an existing array of the right length is overwritten instead of replaced.</summary>
    public abstract Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column, bool reuse);

    /// <summary>The converter for <paramref name="member"/>.</summary>
    public static PocoColumn<TRow> Create(PocoMember member)
    {
        var type = member.MemberType;
        Type columnClass =
            type == typeof(string) ? typeof(TextPocoColumn<>).MakeGenericType(typeof(TRow))
            : type == typeof(string[]) ? typeof(TextArrayPocoColumn<>).MakeGenericType(typeof(TRow))
            : type.IsArray ? typeof(ArrayPocoColumn<,>).MakeGenericType(typeof(TRow), type.GetElementType()!)
            : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(VBuffer<>)
                ? typeof(VBufferPocoColumn<,>).MakeGenericType(typeof(TRow), type.GetGenericArguments()[0])
            : typeof(ScalarPocoColumn<,>).MakeGenericType(typeof(TRow), type);
        return (PocoColumn<TRow>)Activator.CreateInstance(columnClass, member)!;
    }

    protected Func<TRow, TMember> CompileGetter<TMember>()
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        return Expression.Lambda<Func<TRow, TMember>>(Expression.MakeMemberAccess(row, Member.Member), row).Compile();
    }

    protected Action<TRow, TMember> CompileSetter<TMember>()
    {
        if (!Member.CanWrite)
            return (_, _) => throw new InvalidOperationException($"{typeof(TRow).Name}.{Member.Member.Name} is read-only and cannot receive column '{Member.ColumnName}'.");
        var row = Expression.Parameter(typeof(TRow), "row");
        var value = Expression.Parameter(typeof(TMember), "value");
        var assign = Expression.Assign(Expression.MakeMemberAccess(row, Member.Member), value);
        return Expression.Lambda<Action<TRow, TMember>>(assign, row, value).Compile();
    }
}

internal sealed class ScalarPocoColumn<TRow, T> : PocoColumn<TRow>
{
    private readonly Func<TRow, T> _get;
    private readonly Action<TRow, T> _set;

    public ScalarPocoColumn(PocoMember member) : base(member)
    {
        _get = CompileGetter<T>();
        _set = CompileSetter<T>();
    }

    public override Type RawType => typeof(T);

    public override Delegate MakeGetter(RowHolder<TRow> holder) => (ValueGetter<T>)((ref T value) => value = _get(holder.Current!));

    public override Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column, bool reuse)
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        return target =>
        {
            getter(ref value);
            _set(target, value);
        };
    }
}

internal sealed class TextPocoColumn<TRow> : PocoColumn<TRow>
{
    private readonly Func<TRow, string?> _get;
    private readonly Action<TRow, string?> _set;

    public TextPocoColumn(PocoMember member) : base(member)
    {
        _get = CompileGetter<string?>();
        _set = CompileSetter<string?>();
    }

    public override Type RawType => typeof(ReadOnlyMemory<char>);

    public override Delegate MakeGetter(RowHolder<TRow> holder) =>
        (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = _get(holder.Current!).AsMemory());

    public override Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column, bool reuse)
    {
        var getter = row.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> value = default;
        return target =>
        {
            getter(ref value);
            _set(target, value.ToString());
        };
    }
}

internal sealed class ArrayPocoColumn<TRow, T> : PocoColumn<TRow>
{
    private readonly Func<TRow, T[]?> _get;
    private readonly Action<TRow, T[]?> _set;

    public ArrayPocoColumn(PocoMember member) : base(member)
    {
        _get = CompileGetter<T[]?>();
        _set = CompileSetter<T[]?>();
    }

    public override Type RawType => typeof(VBuffer<T>);

    public override Delegate MakeGetter(RowHolder<TRow> holder)
    {
        int size = Member.ColumnType is VectorDataViewType { Size: var s } ? s : 0;
        return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
        {
            var array = _get(holder.Current!) ?? Array.Empty<T>();
            if (size > 0 && array.Length != size)
                throw new InvalidOperationException(
                    $"{typeof(TRow).Name}.{Member.Member.Name} has {array.Length} values but column '{Member.ColumnName}' is {Member.ColumnType}.");
            var editor = VBufferEditor.Create(ref value, array.Length);
            array.CopyTo(editor.Values);
            value = editor.Commit();
        });
    }

    public override Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column, bool reuse)
    {
        var getter = row.GetGetter<VBuffer<T>>(column);
        VBuffer<T> value = default;
        return target =>
        {
            getter(ref value);
            var array = reuse ? _get(target) : null;
            if (array is null || array.Length != value.Length)
                array = new T[value.Length];
            value.CopyTo(array);
            _set(target, array);
        };
    }
}

internal sealed class TextArrayPocoColumn<TRow> : PocoColumn<TRow>
{
    private readonly Func<TRow, string[]?> _get;
    private readonly Action<TRow, string[]?> _set;

    public TextArrayPocoColumn(PocoMember member) : base(member)
    {
        _get = CompileGetter<string[]?>();
        _set = CompileSetter<string[]?>();
    }

    public override Type RawType => typeof(VBuffer<ReadOnlyMemory<char>>);

    public override Delegate MakeGetter(RowHolder<TRow> holder) =>
        (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            var array = _get(holder.Current!) ?? Array.Empty<string>();
            var editor = VBufferEditor.Create(ref value, array.Length);
            for (int i = 0; i < array.Length; i++)
                editor.Values[i] = array[i].AsMemory();
            value = editor.Commit();
        });

    public override Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column, bool reuse)
    {
        var getter = row.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
        VBuffer<ReadOnlyMemory<char>> value = default;
        return target =>
        {
            getter(ref value);
            _set(target, value.DenseValues().Select(v => v.ToString()).ToArray());
        };
    }
}

internal sealed class VBufferPocoColumn<TRow, T> : PocoColumn<TRow>
{
    private readonly Func<TRow, VBuffer<T>> _get;
    private readonly Action<TRow, VBuffer<T>> _set;

    public VBufferPocoColumn(PocoMember member) : base(member)
    {
        _get = CompileGetter<VBuffer<T>>();
        _set = CompileSetter<VBuffer<T>>();
    }

    public override Type RawType => typeof(VBuffer<T>);

    public override Delegate MakeGetter(RowHolder<TRow> holder) =>
        (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) => _get(holder.Current!).CopyTo(ref value));

    public override Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column, bool reuse)
    {
        var getter = row.GetGetter<VBuffer<T>>(column);
        return target =>
        {
            var value = reuse ? _get(target) : default;
            getter(ref value);
            _set(target, value);
        };
    }
}
