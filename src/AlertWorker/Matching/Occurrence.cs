namespace AlertWorker.Matching;

/// <summary>Where a token occurs in a document: segment index and token index within the segment.</summary>
internal readonly record struct Occurrence(int Segment, int Position);
