using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

[TestClass]
public sealed class GradCheckTests
{
    [TestMethod]
    public void GradCheck_RejectsAnOpWithAWrongBackward()
    {
        // y = 2x recorded with the backward of y = 3x: the checker must fail.
        static Tensor WrongDouble(Tensor x)
        {
            var y = Tensor.FromArray(x.ToArray(), x.Shape.ToArray()).Mul(2f);
            return Autograd.Record("wrong_double", y, x, g => g * 3f);
        }
        Assert.ThrowsExactly<AssertFailedException>(() => GradCheck.Check(t => WrongDouble(t[0]), GradCheck.Random(1, -1f, 1f, 3)));
        GradCheck.Check(t => t[0] * 2f, GradCheck.Random(1, -1f, 1f, 3));
    }
}
