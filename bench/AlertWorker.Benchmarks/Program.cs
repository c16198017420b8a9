using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AlertWorker.Benchmarks.MatchingBenchmarks).Assembly).Run(args);
