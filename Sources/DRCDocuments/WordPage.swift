/// The page of a Chinese official document (GB/T 9704-2012, as `DOMAIN.md` §7 sums it up):
/// A4; 37 mm from the top, 28 mm from the left, a text block 156 × 225 mm (so 35 mm at the
/// bottom and 26 mm at the right); 22 lines a page at a fixed line pitch; the body in 三号
/// (16 pt) 仿宋, headings in 黑体 (一、) and 楷体 (（一）), the title in 二号 (22 pt) 小标宋;
/// page numbers in 四号 (14 pt) 宋体 below the block, "— 1 —", odd pages right and even
/// pages left, a character in from the edge. Lengths are in twentieths of a point (twips)
/// unless named otherwise; the figures are kept here, once, and named.
enum WordPage {
    /// A4 in twips: 210 × 297 mm.
    static let width = 11906
    static let height = 16838
    /// 37 mm, 35 mm, 28 mm and 26 mm.
    static let top = 2098
    static let bottom = 1984
    static let left = 1587
    static let right = 1474
    /// The text block's width: 156 mm.
    static let textWidth = width - left - right
    /// From the page's bottom edge to the page number's line: the number sits about 7 mm
    /// below the text block.
    static let footer = 1304
    static let header = 851

    /// Half-points, as Word counts font sizes: 二号 22 pt, 小二 18 pt, 三号 16 pt, 四号 14 pt.
    static let titleSize = 44
    static let annexTitleSize = 36
    static let bodySize = 32
    static let captionSize = 28
    static let pageNumberSize = 28

    /// The fixed line pitch of the body: 28.95 pt, so 22 lines fill the 225 mm block.
    static let linePitch = 579
    /// The title's: 35 pt, room for 二号 characters on a second line.
    static let titlePitch = 700
    /// One body character (三号, 16 pt): first-line indents and the 落款's room are counted in it.
    static let character = 320

    /// The fonts the document names, each with the font a reader lacking it should use
    /// (`w:altName`, which Word and WPS read), its character set (86: GB2312) and kind, so
    /// that WPS and LibreOffice substitute a font of the same look, not any font.
    struct Font {
        let name: String
        let alternative: String
        let panose: String
        let family: String
        let pitch: String
    }

    static let fangSong = "仿宋_GB2312"
    static let heiTi = "黑体"
    static let kaiTi = "楷体_GB2312"
    static let xiaoBiaoSong = "方正小标宋简体"
    static let songTi = "宋体"
    static let latin = "Times New Roman"

    static let fonts = [
        Font(name: fangSong, alternative: "仿宋", panose: "02010609030101010101", family: "modern", pitch: "fixed"),
        Font(name: "仿宋", alternative: "FangSong", panose: "02010609060101010101", family: "modern", pitch: "fixed"),
        Font(name: heiTi, alternative: "SimHei", panose: "02010609060101010101", family: "modern", pitch: "fixed"),
        Font(name: kaiTi, alternative: "楷体", panose: "02010609030101010101", family: "modern", pitch: "fixed"),
        Font(name: "楷体", alternative: "KaiTi", panose: "02010609060101010101", family: "modern", pitch: "fixed"),
        Font(name: xiaoBiaoSong, alternative: songTi, panose: "02000000000000000000", family: "roman", pitch: "variable"),
        Font(name: songTi, alternative: "SimSun", panose: "02010600030101010101", family: "auto", pitch: "variable"),
        Font(name: latin, alternative: "Liberation Serif", panose: "02020603050405020304", family: "roman", pitch: "variable"),
    ]
}
