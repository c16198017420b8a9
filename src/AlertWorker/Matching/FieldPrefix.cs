namespace AlertWorker.Matching;

/// <summary>Prints a field scope.</summary>
internal static class FieldPrefix
{
    public static string Of(MatchField? field) => field is { } f ? MatchFieldNames.ToName(f) + ":" : "";
}
