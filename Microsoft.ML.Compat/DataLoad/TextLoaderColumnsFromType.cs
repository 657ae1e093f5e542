using System.Reflection;

namespace Microsoft.ML.Data;

/// <summary>
/// The text loader columns described by a row class: each mapped member needs a <see cref="LoadColumnAttribute"/>
/// giving its source fields; its name comes from <see cref="ColumnNameAttribute"/> or the member, its item kind
/// from the member type, and <see cref="KeyTypeAttribute"/> makes it a key column.
/// </summary>
internal static class TextLoaderColumnsFromType
{
    public static TextLoader.Column[] Create(Type rowType)
    {
        var columns = new List<TextLoader.Column>();
        foreach (var member in PocoMember.For(rowType))
        {
            var load = member.Member.GetCustomAttribute<LoadColumnAttribute>()
                ?? throw new InvalidOperationException(
                    $"{rowType.Name}.{member.Member.Name} has no [LoadColumn] attribute; mark it [NoColumn] to leave it out of the loaded columns.");
            bool isVector = member.ColumnType is VectorDataViewType;
            var item = member.ColumnType is VectorDataViewType vector ? vector.ItemType : (PrimitiveDataViewType)member.ColumnType;
            if (!DataKindExtensions.TryFromRawType(item.RawType, out var kind))
                throw new InvalidOperationException($"{rowType.Name}.{member.Member.Name}: values of type {item.RawType.Name} cannot be loaded from text.");
            var ranges = load.Sources.Select(s => new TextLoader.Range(s.Min, s.Max) { ForceVector = isVector }).ToArray();
            var keyCount = item is KeyDataViewType key ? new KeyCount(key.Count) : null;
            columns.Add(new TextLoader.Column(member.ColumnName, kind, ranges, keyCount));
        }
        if (columns.Count == 0)
            throw new InvalidOperationException($"{rowType.Name} has no public fields or properties to load.");
        return columns.ToArray();
    }
}
