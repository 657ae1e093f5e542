using System.Text.Json;
using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.Neural.Tests.Bert;

/// <summary>A reference.json written by make_bert_fixture.py: inputs, PyTorch's outputs for them, the
/// projection loss's weights (Rh, Rp) and gradients, and the tolerances to compare with.</summary>
internal sealed class BertReference
{
    public required BertBatch Batch { get; init; }
    public required float[] LastHiddenState { get; init; }
    public required float[] PooledOutput { get; init; }
    public required float[] Rh { get; init; }
    public required float[] Rp { get; init; }
    public required double Loss { get; init; }
    public required Dictionary<string, float[]> Grads { get; init; }
    public required double MaxAbs { get; init; }
    public required double RelL2 { get; init; }
    public required double GradRelL2 { get; init; }

    public static BertReference Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var r = doc.RootElement;
        int[][] ids = r.GetProperty("input_ids").Deserialize<int[][]>()!;
        int b = ids.Length, t = ids[0].Length;
        return new BertReference
        {
            Batch = new BertBatch(b, t, ids.SelectMany(x => x).ToArray(),
                r.GetProperty("token_type_ids").Deserialize<int[][]>()!.SelectMany(x => x).ToArray(),
                r.GetProperty("attention_mask").Deserialize<int[][]>()!.SelectMany(x => x).ToArray()),
            LastHiddenState = Flatten(r.GetProperty("last_hidden_state")),
            PooledOutput = Flatten(r.GetProperty("pooler_output")),
            Rh = Flatten(r.GetProperty("Rh")),
            Rp = Flatten(r.GetProperty("Rp")),
            Loss = r.GetProperty("loss").GetDouble(),
            Grads = r.GetProperty("grads").EnumerateObject().ToDictionary(p => p.Name, p => Flatten(p.Value)),
            MaxAbs = r.GetProperty("tolerance").GetProperty("max_abs").GetDouble(),
            RelL2 = r.GetProperty("tolerance").GetProperty("rel_l2").GetDouble(),
            GradRelL2 = r.GetProperty("grad_tolerance").GetProperty("rel_l2").GetDouble(),
        };
    }

    /// <summary>Row-major values of a nested JSON array.</summary>
    private static float[] Flatten(JsonElement e)
    {
        var values = new List<float>();
        void Walk(JsonElement x)
        {
            if (x.ValueKind == JsonValueKind.Array) foreach (var item in x.EnumerateArray()) Walk(item);
            else values.Add(x.GetSingle());
        }
        Walk(e);
        return values.ToArray();
    }

    /// <summary>‖a − b‖₂ / ‖b‖₂ in double precision.</summary>
    public static double RelativeL2(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        double num = 0, den = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double d = actual[i] - (double)expected[i];
            num += d * d;
            den += (double)expected[i] * expected[i];
        }
        return Math.Sqrt(num / den);
    }

    public static double MaxAbsDifference(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        double max = 0;
        for (int i = 0; i < expected.Length; i++) max = Math.Max(max, Math.Abs(actual[i] - (double)expected[i]));
        return max;
    }
}
