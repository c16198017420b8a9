namespace AlertWorker.Matching;

/// <summary>A match of a term: segment index and token range <c>[Start, End)</c>.</summary>
internal readonly record struct TermSpan(int Segment, int Start, int End);
