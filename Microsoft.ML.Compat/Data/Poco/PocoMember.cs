using System.Reflection;

namespace Microsoft.ML.Data;

/// <summary>A public field or property of a row class that maps to a column, with the column type its attributes imply.</summary>
internal sealed class PocoMember
{
    private PocoMember(MemberInfo member, Type memberType, string columnName, DataViewType columnType)
    {
        Member = member;
        MemberType = memberType;
        ColumnName = columnName;
        ColumnType = columnType;
    }

    public MemberInfo Member { get; }
    public Type MemberType { get; }
    public string ColumnName { get; }

    /// <summary>The column type implied by the member's .NET type and its [VectorType]/[KeyType] attributes.</summary>
    public DataViewType ColumnType { get; }

    public bool CanWrite => Member is PropertyInfo { CanWrite: true, SetMethod.IsPublic: true } or FieldInfo { IsInitOnly: false, IsLiteral: false };

    /// <summary>The mapped members of <paramref name="rowType"/> in declaration order.</summary>
    public static IReadOnlyList<PocoMember> For(Type rowType)
    {
        var members = rowType.GetMembers(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m is FieldInfo || m is PropertyInfo { CanRead: true, GetMethod.IsPublic: true } p && p.GetIndexParameters().Length == 0)
            .Where(m => m.GetCustomAttribute<NoColumnAttribute>() is null)
            .OrderBy(m => DeclarationOrder(rowType, m))
            .Select(m => Create(rowType, m))
            .ToArray();
        var duplicate = members.GroupBy(m => m.ColumnName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"{rowType.Name}: several members map to column '{duplicate.Key}'.");
        return members;
    }

    /// <summary>Sorts fields and auto-properties by their (backing) field's metadata token, which follows declaration
    /// order; other properties come after them, in the order of their getters.</summary>
    private static (int, int) DeclarationOrder(Type rowType, MemberInfo member)
    {
        if (member is FieldInfo)
            return (0, member.MetadataToken);
        var backing = rowType.GetField($"<{member.Name}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance);
        return backing is not null ? (0, backing.MetadataToken) : (1, ((PropertyInfo)member).GetMethod!.MetadataToken);
    }

    private static PocoMember Create(Type rowType, MemberInfo member)
    {
        var memberType = member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
        string name = member.GetCustomAttribute<ColumnNameAttribute>()?.Name ?? member.Name;
        var key = member.GetCustomAttribute<KeyTypeAttribute>();
        var vector = member.GetCustomAttribute<VectorTypeAttribute>();
        var itemType = memberType.IsArray ? memberType.GetElementType()!
            : memberType.IsGenericType && memberType.GetGenericTypeDefinition() == typeof(VBuffer<>) ? memberType.GetGenericArguments()[0]
            : null;
        string where = $"{rowType.Name}.{member.Name}";
        DataViewType columnType;
        if (itemType is not null)
        {
            var item = PrimitiveType(itemType, key, where);
            columnType = vector is null || vector.Dimensions.Length <= 1
                ? new VectorDataViewType(item, vector?.Size ?? 0)
                : new VectorDataViewType(item, vector.Dimensions);
        }
        else
        {
            if (vector is not null)
                throw new InvalidOperationException($"{where}: [VectorType] needs an array or VBuffer member, got {memberType.Name}.");
            columnType = PrimitiveType(memberType, key, where);
        }
        return new PocoMember(member, memberType, name, columnType);
    }

    private static PrimitiveDataViewType PrimitiveType(Type type, KeyTypeAttribute? key, string where)
    {
        if (key is not null)
        {
            if (!KeyDataViewType.IsValidDataType(type))
                throw new InvalidOperationException($"{where}: [KeyType] needs a byte, ushort, uint or ulong member, got {type.Name}.");
            return new KeyDataViewType(type, key.Count);
        }
        return PrimitiveTypeOf(type) ?? throw new InvalidOperationException($"{where}: members of type {type.Name} cannot be mapped to a column.");
    }

    /// <summary>The column type for a scalar .NET type (string maps to text), or null.</summary>
    internal static PrimitiveDataViewType? PrimitiveTypeOf(Type type) =>
        type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? TextDataViewType.Instance
        : type == typeof(bool) ? BooleanDataViewType.Instance
        : type == typeof(DateTime) ? DateTimeDataViewType.Instance
        : type == typeof(DateTimeOffset) ? DateTimeOffsetDataViewType.Instance
        : type == typeof(TimeSpan) ? TimeSpanDataViewType.Instance
        : type == typeof(DataViewRowId) ? RowIdDataViewType.Instance
        : NumberDataViewType.FromRawType(type);
}
