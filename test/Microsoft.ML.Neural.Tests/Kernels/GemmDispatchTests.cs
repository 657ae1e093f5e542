using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.Neural.Tests.Kernels;

[TestClass]
public sealed class GemmDispatchTests
{
    [TestMethod]
    [DataRow("managed", "Managed")]
    [DataRow(" OpenBLAS ", "OpenBlas")]
    public void Parse_KnownSetting_SelectsThatPath(string value, string expected)
    {
        Assert.AreEqual(Enum.Parse<GemmPath>(expected), GemmDispatch.Parse(value));
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("auto")]
    public void Parse_UnsetOrAuto_LeavesTheChoiceToTheShape(string? value)
    {
        Assert.IsNull(GemmDispatch.Parse(value));
    }

    [TestMethod]
    public void Parse_UnknownSetting_ThrowsNamingVariableAndValue()
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => GemmDispatch.Parse("fastest"));
        StringAssert.Contains(e.Message, "MLNET_SGEMM='fastest'");
    }

    [TestMethod]
    public void Choose_Managed_ResolvesToTheBestSupportedKernel()
    {
        var expected = Vector512MicroKernel.IsSupported ? GemmPath.Vector512
            : Vector256MicroKernel.IsSupported ? GemmPath.Vector256 : GemmPath.Scalar;
        Assert.AreEqual(expected, GemmDispatch.Choose(GemmPath.Managed, 64, 64, 64));
    }

    [TestMethod]
    public void IsSmall_UpToOneMegaflop_IsTrueAndAboveFalse()
    {
        // 2·50·100·100 = 1 Mflop stays on one thread; 2·50·100·101 = 1.01 Mflop does not, nor does 100³.
        Assert.IsTrue(GemmDispatch.IsSmall(50, 100, 100));
        Assert.IsFalse(GemmDispatch.IsSmall(50, 100, 101));
        Assert.IsFalse(GemmDispatch.IsSmall(100, 100, 100));
    }
}
