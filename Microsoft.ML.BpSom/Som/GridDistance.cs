namespace Microsoft.ML.BpSom;

/// <summary>How far apart two SOM cells are on the grid, which sets the neighbourhood of an update.</summary>
public enum GridDistance
{
    /// <summary>max(|dx|, |dy|): the reference's square window (ALGORITHMS.md A.7).</summary>
    Chebyshev,

    /// <summary>|dx| + |dy|: a diamond-shaped neighbourhood.</summary>
    Manhattan,
}

/// <summary>The BP-SOM neighbourhood: cells at grid distance k ≤ radius from the winner move with rate λ / 2^k.</summary>
internal static class SomNeighbourhood
{
    public static int Distance(GridDistance kind, int dRow, int dColumn)
    {
        dRow = Math.Abs(dRow);
        dColumn = Math.Abs(dColumn);
        return kind == GridDistance.Chebyshev ? Math.Max(dRow, dColumn) : dRow + dColumn;
    }

    /// <summary>λ / 2^k.</summary>
    public static float Rate(float learningRate, int k) => learningRate / (1 << k);
}
