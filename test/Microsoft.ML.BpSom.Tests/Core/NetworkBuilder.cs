namespace Microsoft.ML.BpSom.Tests;

/// <summary>Builds small networks with hand-chosen weights. Each layer is given as rows [bias, w_1 … w_n], one per unit.</summary>
internal static class NetworkBuilder
{
    public static LogisticLayer Layer(int inputCount, params float[][] rows) =>
        new(inputCount, rows.Length, rows.SelectMany(row => row).ToArray(), new float[rows.Length * (inputCount + 1)]);

    public static MultilayerPerceptron Perceptron(params LogisticLayer[] layers) => new(layers);

    /// <summary>σ⁻¹(a): the summed input that makes a logistic unit output <paramref name="activation"/>.</summary>
    public static float Logit(double activation) => (float)Math.Log(activation / (1 - activation));
}
