namespace AlertWorker.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary><c>once</c>: a fatal error. <c>match</c>: nothing matched.</summary>
    public const int Failure = 1;

    /// <summary>Invalid usage, configuration, query or input: nothing was started, polled or sent.</summary>
    public const int Invalid = 2;
}
