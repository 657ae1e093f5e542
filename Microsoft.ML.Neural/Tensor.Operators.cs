namespace Microsoft.ML.Neural;

public sealed partial class Tensor
{
    public static Tensor operator +(Tensor a, Tensor b) => a.Add(b);
    public static Tensor operator -(Tensor a, Tensor b) => a.Sub(b);
    public static Tensor operator *(Tensor a, Tensor b) => a.Mul(b);
    public static Tensor operator /(Tensor a, Tensor b) => a.Div(b);
    public static Tensor operator -(Tensor a) => a.Neg();
    public static Tensor operator +(Tensor a, float c) => a.Add(c);
    public static Tensor operator +(float c, Tensor a) => a.Add(c);
    public static Tensor operator -(Tensor a, float c) => a.Sub(c);
    public static Tensor operator -(float c, Tensor a) => a.RSub(c);
    public static Tensor operator *(Tensor a, float c) => a.Mul(c);
    public static Tensor operator *(float c, Tensor a) => a.Mul(c);
    public static Tensor operator /(Tensor a, float c) => a.Div(c);
}
