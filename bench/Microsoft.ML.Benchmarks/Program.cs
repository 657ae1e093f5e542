using System.Reflection;
using Microsoft.ML.Benchmarks;

// Usage: Microsoft.ML.Benchmarks [group ...]   (no group: all). Prints RESULT lines (bench/WORKLOADS.md).
var all = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Group, StringComparer.Ordinal)
    .ToList();
var unknown = args.Where(a => all.All(b => b.Group != a)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown benchmark group(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", all.Select(b => b.Group))}");
    return 2;
}
foreach (var bench in all.Where(b => args.Length == 0 || args.Contains(b.Group)))
{
    Console.Error.WriteLine($"# {bench.Group}");
    bench.Run(r => Console.WriteLine(r));
}
return 0;
