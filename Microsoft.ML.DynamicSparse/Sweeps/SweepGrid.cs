using System.Globalization;
using System.Reflection;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// A grid over <see cref="DynamicSparseTrainer.Options"/> properties (by name) crossed with repeated seeds.
/// Every combination of values and every seed is one <see cref="SweepTrial"/>.
/// </summary>
public sealed class SweepGrid
{
    private readonly List<(PropertyInfo Property, object?[] Values)> _axes = new();

    public SweepGrid(IReadOnlyList<int> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0)
            throw new ArgumentException("A sweep needs at least one seed.", nameof(seeds));
        Seeds = seeds.ToArray();
    }

    public IReadOnlyList<int> Seeds { get; }

    /// <summary>The option names swept over, in the order they were added.</summary>
    public IReadOnlyList<string> OptionNames => _axes.Select(a => a.Property.Name).ToArray();

    /// <summary>Adds an axis: the option <paramref name="optionName"/> takes each of <paramref name="values"/>.</summary>
    public SweepGrid Add(string optionName, params object?[] values)
    {
        var property = typeof(DynamicSparseTrainer.Options).GetProperty(optionName)
            ?? throw new ArgumentException($"DynamicSparseTrainer.Options has no property '{optionName}'.", nameof(optionName));
        if (values.Length == 0)
            throw new ArgumentException($"The axis '{optionName}' needs at least one value.", nameof(values));
        if (_axes.Any(a => a.Property == property))
            throw new ArgumentException($"The option '{optionName}' is already an axis.", nameof(optionName));
        var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var converted = values.Select(v => v is null ? null : Convert.ChangeType(v, target, CultureInfo.InvariantCulture)).ToArray();
        _axes.Add((property, converted));
        return this;
    }

    /// <summary>All trials: every combination of axis values (first axis slowest), each with every seed.</summary>
    public IReadOnlyList<SweepTrial> Trials(DynamicSparseTrainer.Options baseOptions)
    {
        ArgumentNullException.ThrowIfNull(baseOptions);
        IEnumerable<List<object?>> combinations = [[]];
        foreach (var (_, values) in _axes)
            combinations = combinations.SelectMany(c => values.Select(v => new List<object?>(c) { v }));
        var trials = new List<SweepTrial>();
        foreach (var combination in combinations)
        {
            var settings = new Dictionary<string, string>();
            var options = baseOptions.Clone();
            for (int a = 0; a < _axes.Count; a++)
            {
                _axes[a].Property.SetValue(options, combination[a]);
                settings[_axes[a].Property.Name] = Format(combination[a]);
            }
            foreach (int seed in Seeds)
            {
                var seeded = options.Clone();
                seeded.Seed = seed;
                trials.Add(new SweepTrial(settings, seed, seeded));
            }
        }
        return trials;
    }

    internal static string Format(object? value) => value switch
    {
        null => "none",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "none",
    };
}
