/// How far a workbook's parts may inflate, in one place. A zip's parts are deflated, and deflate
/// packs up to about 1,000 bytes into one: a 0.5 MiB upload could hold a 500 MiB sheet and take
/// gigabytes of memory to read. Each part read is checked against these limits from the sizes its
/// zip entry declares before it is inflated, and again while it inflates (a declared size may lie).
///
/// Why these numbers: a sheet's XML of a million rows of ten short columns is about 200 MB, so
/// 256 MiB a part and 512 MiB for all the parts read (the sheet, its shared strings, styles and
/// the small ones) let any sheet a spreadsheet program can hold through, a 50 MB sheet easily.
/// Honest sheet XML deflates about 5–30 to 1 (repeated cell tags and styles; drc's own export of
/// identical rows is under 100 to 1), so 200 to 1 is far above honest parts and five times
/// below deflate's best, which is what a bomb uses. The ratio counts only past `ratioFromBytes`:
/// a small part may be as repetitive as it likes, it cannot cost much.
///
/// Merged cells inflate too: a range's value is given to every cell it covers (`SheetTable.fill`),
/// and `<mergeCell ref="A1:XFD1048576"/>` is a few bytes. The copies may take `mergedBytes`
/// (32 MiB: a vendor's log of 20,000 orders with a unit merged over every pair of rows copies
/// under 1 MiB).
public struct InflationLimits: Sendable, Equatable {
    /// The most bytes one part may inflate to.
    public var partBytes: Int
    /// The most bytes all the parts read from one workbook may inflate to together.
    public var totalBytes: Int
    /// The most a part larger than `ratioFromBytes` may inflate to per byte it takes in the zip.
    public var ratio: Int
    public var ratioFromBytes: Int
    /// The most bytes the values of merged ranges may take once copied to the cells they cover.
    public var mergedBytes: Int

    public static let standard = InflationLimits(partBytes: 256 << 20, totalBytes: 512 << 20, ratio: 200, ratioFromBytes: 8 << 20,
                                                 mergedBytes: 32 << 20)

    public init(partBytes: Int, totalBytes: Int, ratio: Int, ratioFromBytes: Int, mergedBytes: Int = 32 << 20) {
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.ratio = ratio
        self.ratioFromBytes = ratioFromBytes
        self.mergedBytes = mergedBytes
    }

    /// Refuses part `part` if `inflated` bytes of it, from `compressed` bytes in the zip, with
    /// `earlier` bytes inflated from other parts before it, pass a limit.
    func check(part: String, inflated: UInt64, compressed: UInt64, earlier: Int) throws {
        if inflated > UInt64(partBytes) { throw WorkbookError.partTooLarge(part: part, limitBytes: partBytes) }
        if inflated + UInt64(earlier) > UInt64(totalBytes) { throw WorkbookError.workbookTooLarge(limitBytes: totalBytes) }
        if inflated > UInt64(ratioFromBytes) && inflated > UInt64(ratio) * max(compressed, 1) {
            throw WorkbookError.compressedTooFar(part: part, ratio: ratio)
        }
    }
}
