using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Datasets;
using Microsoft.ML.SleepReplay;

// Incremental-MNIST protocol (ALGORITHMS.md B.3): SRC against the baselines, printed as tables.
// Usage: SleepReplay.Mnist [--setting python|matlab] [--data DIR] [--per-task N] [--hidden H1,H2]
//                          [--approaches SleepReplay,Sequential,...] [--search [--grid around|wide]] [--seed S] [--validation N]
//                          [--bias ignore|scaled]   (a network with biases; sleep ignores them or scales them like the weights)
//                          [--sleep-data current|seen] [--sleep-form rows|class-means] [--sleep-input masked-mean|patch] [--alpha setting|data]
//                          [--sleep-length F] [--sleep-checkpoints N] [--sleep-rule python|matlab|plain]
//                          [--samples-per-step N] [--mask-fraction F] [--held-out]
// --search chooses the sleep setting after each task on validation rows; --grid names the candidates (SleepCandidateGrid):
// around (default, 9) or wide (20, ordered so that validation ties go to the candidate closest to the published setting).
// --sleep-data: sleep on the current task's rows (Python port's default) or on every task's rows seen so far (MATLAB's);
// --sleep-form class-means: sleep on one mean image per class of those rows instead of the rows, so that each step
// replays a single class (SleepDataForm);
// --sleep-input: the Python port's masked means of sampled images or MATLAB's mean-image patches (ALGORITHMS.md B.6).
// --alpha data computes the layer scales from the network (ALGORITHMS.md B.5) where the setting fixes them (the Python
// port hard-codes them); --sleep-length multiplies the sleep's steps (first task and increase per task);
// --sleep-checkpoints N also scores each sleep on validation after 1/N, 2/N, … of its steps, choosing its length too.
// --sleep-rule sets g in w ← w ± δ·g(w) (ALGORITHMS.md B.8): the Python port's σ(w), MATLAB's 2σ(−1000w), which leaves
// positive weights almost unchanged, or plain g = 1; left out, the setting's own. --samples-per-step and --mask-fraction
// set the masked-mean input's sample count and kept-pixel fraction (B.6).
// --held-out scores every approach on the training rows no task trains or validates on, instead of the test set, so that
// variants of the protocol can be compared without looking at the test set.
var settings = CommandLine.Parse(args);
if (settings is null) return 2;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

var clock = Stopwatch.StartNew();
var train = MnistSets.Load(settings.DataDirectory, MnistSplit.Train);
var options = settings.ToProtocolOptions();
var test = settings.HeldOut
    ? TaskData.HeldOut(train, options.Tasks, options.TrainPerTask, options.ValidationPerTask)
    : MnistSets.Load(settings.DataDirectory, MnistSplit.Test);
if (settings.HeldOut)
    Console.WriteLine($"# --held-out: every \"test\" figure below is on {test.Count} held-out training rows, not on the MNIST test set");
Console.WriteLine($"# setting {settings.Setting}, {options.TrainPerTask} images per task, {options.Training.Epochs} epochs per task, " +
                  $"{options.SleepCandidates.Count} sleep candidate(s) chosen on {options.ValidationPerTask} validation images per task, " +
                  $"sleep input {options.Sleep.InputMode} ({options.Sleep.SamplesPerStep} sample(s) per step, mask {options.Sleep.MaskFraction}) from {options.SleepData} ({options.SleepDataForm}), " +
                  $"rule {options.Sleep.WeightFunction}, α {(options.Sleep.FixedAlpha is null ? "from the data" : "fixed")}, " +
                  $"{options.Sleep.Iterations} + {options.SleepIterationsIncreasePerTask}·(task − 1) steps" +
                  (options.SleepCheckpoints > 1 ? $", length chosen in {options.SleepCheckpoints} parts" : ""));
// Each candidate as scales of the published setting, so the log's candidate numbers can be read back.
for (int c = 0; c < options.SleepCandidates.Count; c++)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"# candidate {c}: plasticity ×{options.SleepCandidates[c].Increase / options.Sleep.Increase:G4}, threshold ×{options.SleepCandidates[c].Threshold / options.Sleep.Threshold:G4}"));
var report = new ContinualLearningProtocol(options, new SynchronousProgress(Console.Out, clock)).Run(train, test, cancel.Token);

Console.WriteLine();
Console.WriteLine($"Final {(settings.HeldOut ? "held-out" : "test")} accuracy (%) per task and overall:");
Console.Write(report.FormatFinalTable());
Console.WriteLine();
Console.Write(report.FormatProgressTables());
Console.WriteLine();
Console.Write(report.FormatSleepDetails());
Console.WriteLine($"wall time {clock.Elapsed.TotalSeconds:F0} s");
return 0;
