using System.Diagnostics;
using System.Text;

namespace AlertWorker.Tests.Support;

/// <summary>
/// The built AlertWorker (the app project's AlertWorker.dll) as a child process running <c>run</c> on a
/// test's configuration: killed outright, or asked to stop with SIGTERM. Disposing kills it if it is still running.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process) => _process = process;

    /// <summary>What the process wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static WorkerProcess Run(TestApp app)
    {
        app.Save();
        var dll = ExecutablePath();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = app.Directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "run", "--config", app.ConfigPath })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, line) => worker.Append(line.Data);
        process.ErrorDataReceived += (_, line) => worker.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>
    /// The app's own build output (<c>src/AlertWorker/bin/CONFIG/TFM</c>, beside the tests' <c>bin/CONFIG/TFM</c>):
    /// the copy next to the tests lacks the packages the tests get from the ASP.NET Core shared framework instead.
    /// </summary>
    private static string ExecutablePath()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (tests.Name, tests.Parent!.Name);
        for (var directory = tests; directory is not null; directory = directory.Parent)
        {
            var dll = Path.Combine(directory.FullName, "src", "AlertWorker", "bin", configuration, framework, "AlertWorker.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        throw new FileNotFoundException($"AlertWorker.dll of the {configuration} build was not found above {tests.FullName}");
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as systemd or <c>docker stop</c> sends it.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit(5_000);
    }

    /// <summary>The exit code, or null when the process is still running after <paramref name="within"/>.</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
