using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Schema;

[TestClass]
public sealed class DataViewTypeTests
{
    [TestMethod]
    public void NumberTypes_AreSingletonsNamedAfterTheirRawType()
    {
        var all = new (NumberDataViewType type, Type raw)[]
        {
            (NumberDataViewType.SByte, typeof(sbyte)), (NumberDataViewType.Byte, typeof(byte)),
            (NumberDataViewType.Int16, typeof(short)), (NumberDataViewType.UInt16, typeof(ushort)),
            (NumberDataViewType.Int32, typeof(int)), (NumberDataViewType.UInt32, typeof(uint)),
            (NumberDataViewType.Int64, typeof(long)), (NumberDataViewType.UInt64, typeof(ulong)),
            (NumberDataViewType.Single, typeof(float)), (NumberDataViewType.Double, typeof(double)),
        };
        foreach (var (type, raw) in all)
        {
            Assert.AreEqual(raw, type.RawType);
            Assert.AreEqual(raw.Name, type.ToString());
            Assert.AreSame(type, NumberDataViewType.FromRawType(raw));
        }
        Assert.AreEqual("Single", NumberDataViewType.Single.ToString());
        Assert.IsNull(NumberDataViewType.FromRawType(typeof(string)));
    }

    [TestMethod]
    public void TextType_HasReadOnlyMemoryRawTypeAndIsCalledString()
    {
        Assert.AreEqual(typeof(ReadOnlyMemory<char>), TextDataViewType.Instance.RawType);
        Assert.AreEqual("String", TextDataViewType.Instance.ToString());
    }

    [TestMethod]
    public void ScalarTypes_HaveTheirRawTypes()
    {
        Assert.AreEqual(typeof(bool), BooleanDataViewType.Instance.RawType);
        Assert.AreEqual(typeof(DateTime), DateTimeDataViewType.Instance.RawType);
        Assert.AreEqual(typeof(DateTimeOffset), DateTimeOffsetDataViewType.Instance.RawType);
        Assert.AreEqual(typeof(TimeSpan), TimeSpanDataViewType.Instance.RawType);
        Assert.AreEqual(typeof(DataViewRowId), RowIdDataViewType.Instance.RawType);
    }

    [TestMethod]
    public void KeyType_IsNamedByRangeAndEqualByRawTypeAndCount()
    {
        var key = new KeyDataViewType(typeof(uint), 10);
        Assert.AreEqual("Key<UInt32, 0-9>", key.ToString());
        Assert.AreEqual(10UL, key.Count);
        Assert.AreEqual(key, new KeyDataViewType(typeof(uint), 10UL));
        Assert.AreNotEqual(key, new KeyDataViewType(typeof(uint), 11));
        Assert.AreNotEqual(key, new KeyDataViewType(typeof(ulong), 10));
        Assert.AreEqual(key.GetHashCode(), new KeyDataViewType(typeof(uint), 10).GetHashCode());
    }

    [TestMethod]
    public void KeyType_RejectsSignedRawTypesZeroCountAndOverflow()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new KeyDataViewType(typeof(int), 3));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new KeyDataViewType(typeof(uint), 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new KeyDataViewType(typeof(byte), 256));
        Assert.IsTrue(KeyDataViewType.IsValidDataType(typeof(ushort)));
    }

    [TestMethod]
    public void VectorType_KnownSizeVariableSizeAndDimensions()
    {
        var fixedSize = new VectorDataViewType(NumberDataViewType.Single, 3);
        Assert.AreEqual("Vector<Single, 3>", fixedSize.ToString());
        Assert.AreEqual(typeof(VBuffer<float>), fixedSize.RawType);
        Assert.IsTrue(fixedSize.IsKnownSize);

        var variable = new VectorDataViewType(TextDataViewType.Instance);
        Assert.AreEqual("Vector<String>", variable.ToString());
        Assert.AreEqual(0, variable.Size);
        Assert.IsFalse(variable.IsKnownSize);

        var image = new VectorDataViewType(NumberDataViewType.Single, 28, 28);
        Assert.AreEqual(784, image.Size);
        CollectionAssert.AreEqual(new[] { 28, 28 }, image.Dimensions.ToArray());
        Assert.AreEqual("Vector<Single, 28, 28>", image.ToString());
    }

    [TestMethod]
    public void VectorType_EqualityComparesItemTypeAndShape()
    {
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), new VectorDataViewType(NumberDataViewType.Single, new[] { 3 }));
        Assert.AreNotEqual(new VectorDataViewType(NumberDataViewType.Single, 3), new VectorDataViewType(NumberDataViewType.Single, 4));
        Assert.AreNotEqual(new VectorDataViewType(NumberDataViewType.Single, 3), new VectorDataViewType(NumberDataViewType.Double, 3));
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single), new VectorDataViewType(NumberDataViewType.Single, new[] { 0 }));
        Assert.AreNotEqual<DataViewType>(NumberDataViewType.Single, new VectorDataViewType(NumberDataViewType.Single, 1));
    }
}
