namespace AlertWorker.Matching;

/// <summary>A token (or token prefix) that an item must contain for a query to possibly match.</summary>
internal readonly record struct AnchorKey(string Text, bool IsPrefix);
