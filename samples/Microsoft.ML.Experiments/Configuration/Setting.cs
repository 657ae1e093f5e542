using System.CommandLine;
using System.Reflection;

namespace Microsoft.ML.Experiments.Configuration;

/// <summary>
/// One option of a verb: a flag (<c>--som-grid-size</c>) and the YAML keys (<c>som-grid-size</c>, <c>bpsom.som_grid_size</c>)
/// that set the same field or property of an options object reached from the verb's settings. The member's type decides how
/// text is read (<see cref="ValueText"/>), so flags and YAML cannot disagree about a value's meaning.
/// </summary>
public sealed class Setting
{
    private readonly Func<ExperimentSettings, object> _owner;
    private readonly MemberInfo _member;

    private Setting(string flag, string description, Func<ExperimentSettings, object> owner, MemberInfo member, IReadOnlyList<YamlKey> yamlKeys)
    {
        Flag = flag;
        Description = description;
        _owner = owner;
        _member = member;
        ValueType = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
        // The flag's own name (without dashes) is always a YAML key too, so a config file can say anything a flag can.
        YamlKeys = [new YamlKey(flag.TrimStart('-')), .. yamlKeys];
    }

    /// <summary>A setting of member <paramref name="member"/> (a field or property name) of the <typeparamref name="TOwner"/>
    /// object that <paramref name="owner"/> picks out of the verb's settings.</summary>
    public static Setting Of<TSettings, TOwner>(string flag, string member, string description, Func<TSettings, TOwner> owner, params YamlKey[] yamlKeys)
        where TSettings : ExperimentSettings
        where TOwner : notnull
    {
        var info = typeof(TOwner).GetMember(member, MemberTypes.Field | MemberTypes.Property, BindingFlags.Public | BindingFlags.Instance).SingleOrDefault()
            ?? throw new ArgumentException($"{typeof(TOwner).Name} has no public field or property '{member}'.", nameof(member));
        return new Setting(flag, description, s => owner((TSettings)s), info, yamlKeys);
    }

    /// <summary>As <see cref="Of{TSettings, TOwner}"/> for settings shared by verbs whose options classes are different types
    /// with the same member names (the two BP-SOM trainers' options).</summary>
    public static Setting Of<TSettings>(string flag, Type ownerType, string member, string description, Func<TSettings, object> owner, params YamlKey[] yamlKeys)
        where TSettings : ExperimentSettings
    {
        var info = ownerType.GetMember(member, MemberTypes.Field | MemberTypes.Property, BindingFlags.Public | BindingFlags.Instance).SingleOrDefault()
            ?? throw new ArgumentException($"{ownerType.Name} has no public field or property '{member}'.", nameof(member));
        return new Setting(flag, description, s => owner((TSettings)s), info, yamlKeys);
    }

    public string Flag { get; }
    public string Description { get; }
    public Type ValueType { get; }
    public IReadOnlyList<YamlKey> YamlKeys { get; }

    /// <summary>The System.CommandLine option: one text token, checked at parse time so a bad value is reported with the flag's name.</summary>
    public Option<string> CreateOption()
    {
        var option = new Option<string>(Flag) { Description = Description, HelpName = HelpName() };
        option.Validators.Add(result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            try
            {
                ValueText.Parse(ValueType, text);
            }
            catch (FormatException e)
            {
                result.AddError($"{Flag}: {e.Message}");
            }
        });
        return option;
    }

    /// <summary>Sets the member from text; <paramref name="source"/> names where the text came from for the error message.</summary>
    public void Apply(ExperimentSettings settings, string text, string source)
    {
        object? value;
        try
        {
            value = ValueText.Parse(ValueType, text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{source}: {e.Message}", e);
        }
        object target = _owner(settings);
        if (_member is FieldInfo field) field.SetValue(target, value);
        else ((PropertyInfo)_member).SetValue(target, value);
    }

    /// <summary>The member's current value as flag text (arrays comma-separated), for the run's log and report.</summary>
    public string Format(ExperimentSettings settings)
    {
        object target = _owner(settings);
        object? value = _member is FieldInfo field ? field.GetValue(target) : ((PropertyInfo)_member).GetValue(target);
        return value switch
        {
            null => "none",
            Array array => string.Join(',', array.Cast<object>().Select(Text)),
            _ => Text(value),
        };

        static string Text(object item) => item switch
        {
            Enum or bool => item.ToString()!.ToLowerInvariant(),
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => item.ToString()!,
        };
    }

    private string HelpName()
    {
        var type = Nullable.GetUnderlyingType(ValueType) ?? ValueType;
        if (type.IsArray) return "list";
        if (type.IsEnum) return string.Join('|', Enum.GetNames(type).Select(n => n.ToLowerInvariant()));
        return type == typeof(string) ? "text" : type == typeof(bool) ? "true|false" : type == typeof(int) ? "int" : "number";
    }
}
