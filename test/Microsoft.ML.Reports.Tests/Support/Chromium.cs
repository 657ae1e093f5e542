using System.Diagnostics;

namespace Microsoft.ML.Reports.Tests;

/// <summary>Runs Debian's headless Chromium on a local file, each run with its own throw-away profile.</summary>
internal static class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>On a loaded machine headless Chromium once ran past 30 s on a page it renders in 5 s alone; a run
    /// that times out is killed and tried once more with a fresh profile before the test fails.</summary>
    private const int Attempts = 2;

    /// <summary>The browser binary: $CHROMIUM if set, else the first of chromium / chromium-browser / google-chrome on PATH; null if none.</summary>
    public static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
            return File.Exists(configured) ? configured : null;
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Append("/usr/bin");
        return folders.SelectMany(f => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(n => Path.Combine(f, n)))
            .FirstOrDefault(File.Exists);
    }

    public static string RequireBinary() =>
        Find() ?? throw new AssertFailedException(
            "Headless Chromium is required for the report browser test but was not found (looked at $CHROMIUM, PATH and /usr/bin). "
            + "Install it with 'apt-get install -y chromium' (CI: .ci/run does this).");

    /// <summary>The DOM after the page's scripts ran, as serialised by --dump-dom.</summary>
    public static string DumpDom(string htmlPath, int width, int height) =>
        Run(htmlPath, width, height, "--dump-dom");

    /// <summary>Writes a PNG of the top <paramref name="height"/> pixels of the page.</summary>
    public static void Screenshot(string htmlPath, string pngPath, int width, int height)
    {
        Run(htmlPath, width, height, "--screenshot=" + pngPath);
        if (!File.Exists(pngPath))
            throw new AssertFailedException($"Chromium exited without writing the screenshot {pngPath}.");
    }

    private static string Run(string htmlPath, int width, int height, string action)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return RunOnce(htmlPath, width, height, action);
            }
            catch (TimeoutException) when (attempt < Attempts)
            {
            }
        }
    }

    private static string RunOnce(string htmlPath, int width, int height, string action)
    {
        string binary = RequireBinary();
        string profile = Path.Combine(Path.GetTempPath(), "reports-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=" + profile, $"--window-size={width},{height}", action, new Uri(htmlPath).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new AssertFailedException($"Could not start {binary}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{binary} {action} did not finish within {Timeout.TotalSeconds} s.");
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new AssertFailedException($"{binary} {action} exited with code {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            if (Directory.Exists(profile))
                Directory.Delete(profile, recursive: true);
        }
    }
}
