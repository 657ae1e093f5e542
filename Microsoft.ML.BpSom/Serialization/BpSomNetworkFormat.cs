namespace Microsoft.ML.BpSom;

/// <summary>The binary layout of a trained BP-SOM network inside a model file: the weights of every layer and each hidden
/// layer's SOM with its cell labels. Momentum buffers are training state and are not stored.</summary>
internal static class BpSomNetworkFormat
{
    public static void Write(BinaryWriter writer, BpSomNetwork network)
    {
        var layers = network.Perceptron.Layers;
        writer.Write(layers.Count);
        foreach (var layer in layers)
        {
            writer.Write(layer.InputCount);
            writer.Write(layer.UnitCount);
            writer.WriteFloatArray(layer.Weights);
        }
        foreach (var map in network.Maps) SomFormat.WriteMap(writer, map);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; inconsistent content becomes an error naming the model file.</summary>
    public static BpSomNetwork Read(ModelLoadContext ctx)
    {
        var reader = ctx.Reader;
        try
        {
            int layerCount = reader.ReadInt32();
            if (layerCount < 2) throw ctx.Error($"a BP-SOM network needs at least 2 weight layers, the file has {layerCount}");
            var layers = new LogisticLayer[layerCount];
            for (int l = 0; l < layerCount; l++)
            {
                int inputs = reader.ReadInt32(), units = reader.ReadInt32();
                var weights = reader.ReadFloatArray();
                layers[l] = new LogisticLayer(inputs, units, weights, new float[weights.Length]);
            }
            var maps = new SelfOrganizingMap[layerCount - 1];
            for (int h = 0; h < maps.Length; h++) maps[h] = SomFormat.ReadMap(ctx, $"SOM {h + 1}");
            return new BpSomNetwork(new MultilayerPerceptron(layers), maps);
        }
        catch (ArgumentException e)
        {
            throw ctx.Error($"inconsistent BP-SOM network: {e.Message}");
        }
    }
}
