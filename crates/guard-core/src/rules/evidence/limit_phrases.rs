//! The words dispute forms use to state their upload limits, in the eight interface languages.
//!
//! No public source quotes the site's current upload hints (SOURCES.md section 7),
//! so every row is the team's best knowledge of how such hints are written ("Up to 3 photos, max
//! 5 MB each", "Не более 6 фото, до 5 МБ", "最多上传3张图片"): source "team". Matching is on whole
//! words for alphabetic scripts and on substrings for Chinese, in lower case.

use crate::read::locales::{Lang, Source};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Means {
    /// Introduces a maximum: "up to", "max", "не более".
    AtMost,
    /// Introduces a minimum, which is not a limit we enforce: "at least".
    AtLeast,
    /// A total over all files ("20 MB in total"), which is not a per-file limit.
    Total,
    /// A word for photos / videos / files of any kind.
    Photo,
    Video,
    AnyFile,
    /// Size units. Binary multiples: when a form says "5 MB" and means 5 000 000 bytes, the
    /// larger reading never refuses a file the site would take.
    Kilobytes,
    Megabytes,
    Gigabytes,
}

impl Means {
    /// Bytes per unit, for the size units.
    pub fn unit_bytes(self) -> Option<u64> {
        match self {
            Means::Kilobytes => Some(1 << 10),
            Means::Megabytes => Some(1 << 20),
            Means::Gigabytes => Some(1 << 30),
            _ => None,
        }
    }
}

pub struct Phrase {
    pub lang: Lang,
    pub text: &'static str,
    pub means: Means,
    pub source: Source,
}

const TEAM: &str = "team";

macro_rules! rows {
    ($($lang:ident $means:expr => [$($text:expr),* $(,)?];)*) => {
        &[$($(Phrase { lang: Lang::$lang, text: $text, means: $means, source: Source::new(TEAM) },)*)*]
    };
}

pub const PHRASES: &[Phrase] = rows! {
    En Means::AtMost => ["up to", "max", "maximum", "at most", "no more than", "not more than", "not exceed", "not exceeding", "less than", "under", "limit", "within"];
    En Means::AtLeast => ["at least", "minimum", "min"];
    En Means::Total => ["total", "in total", "combined"];
    En Means::Photo => ["photo", "photos", "photograph", "photographs", "image", "images", "picture", "pictures", "pic", "pics", "screenshot", "screenshots"];
    En Means::Video => ["video", "videos", "clip", "clips"];
    En Means::AnyFile => ["file", "files", "attachment", "attachments", "each", "per file"];
    Fr Means::AtMost => ["jusqu'à", "jusqu'a", "au plus", "au maximum", "maximum", "max", "pas plus de", "moins de", "ne pas dépasser"];
    Fr Means::AtLeast => ["au moins", "minimum"];
    Fr Means::Total => ["au total", "en tout"];
    Fr Means::Photo => ["photo", "photos", "photographie", "photographies", "image", "images", "capture", "captures"];
    Fr Means::Video => ["vidéo", "vidéos", "video", "videos"];
    Fr Means::AnyFile => ["fichier", "fichiers", "pièce jointe", "pièces jointes", "chacun", "chacune"];
    Ru Means::AtMost => ["до", "не более", "не больше", "максимум", "макс", "не превышает", "не должен превышать", "менее"];
    Ru Means::AtLeast => ["не менее", "минимум", "хотя бы"];
    Ru Means::Total => ["всего", "в сумме", "суммарно"];
    Ru Means::Photo => ["фото", "фотографий", "фотографии", "фотография", "изображений", "изображения", "изображение", "снимков", "снимка", "скриншот", "скриншотов"];
    Ru Means::Video => ["видео", "видеозапись", "видеозаписи", "ролик", "ролика", "роликов"];
    Ru Means::AnyFile => ["файл", "файла", "файлов", "каждый", "каждое", "каждая"];
    Es Means::AtMost => ["hasta", "máximo", "maximo", "máx", "max", "como máximo", "no más de", "menos de"];
    Es Means::AtLeast => ["al menos", "mínimo", "como mínimo"];
    Es Means::Total => ["en total"];
    Es Means::Photo => ["foto", "fotos", "fotografía", "fotografías", "fotografia", "fotografias", "imagen", "imágenes", "imagenes", "captura", "capturas"];
    Es Means::Video => ["vídeo", "vídeos", "video", "videos"];
    Es Means::AnyFile => ["archivo", "archivos", "cada uno", "cada una"];
    Pt Means::AtMost => ["até", "no máximo", "máximo", "máx", "max", "não mais de", "menos de"];
    Pt Means::AtLeast => ["pelo menos", "no mínimo", "mínimo"];
    Pt Means::Total => ["no total", "ao todo"];
    Pt Means::Photo => ["foto", "fotos", "fotografia", "fotografias", "imagem", "imagens", "captura", "capturas"];
    Pt Means::Video => ["vídeo", "vídeos", "video", "videos"];
    Pt Means::AnyFile => ["arquivo", "arquivos", "ficheiro", "ficheiros", "cada"];
    De Means::AtMost => ["bis zu", "max", "maximal", "maximum", "höchstens", "nicht mehr als", "weniger als", "unter"];
    De Means::AtLeast => ["mindestens", "minimum"];
    De Means::Total => ["insgesamt", "gesamt"];
    De Means::Photo => ["foto", "fotos", "fotografie", "fotografien", "aufnahme", "aufnahmen", "bild", "bilder", "screenshot", "screenshots"];
    De Means::Video => ["video", "videos"];
    De Means::AnyFile => ["datei", "dateien", "anhang", "anhänge", "je", "jeweils", "pro datei"];
    Pl Means::AtMost => ["do", "maksymalnie", "maks", "max", "najwyżej", "nie więcej niż", "mniej niż", "nie może przekraczać"];
    Pl Means::AtLeast => ["co najmniej", "minimum", "przynajmniej"];
    Pl Means::Total => ["łącznie", "razem"];
    Pl Means::Photo => ["zdjęcie", "zdjęcia", "zdjęć", "fotografia", "fotografie", "fotografii", "obraz", "obrazy", "obrazów", "zrzut", "zrzuty"];
    Pl Means::Video => ["wideo", "film", "filmy", "filmów", "nagranie", "nagrania"];
    Pl Means::AnyFile => ["plik", "pliki", "plików", "każdy", "każde"];
    Zh Means::AtMost => ["最多", "不超过", "不得超过", "不能超过", "最大", "上限", "至多", "以内", "以下"];
    Zh Means::AtLeast => ["至少", "最少"];
    Zh Means::Total => ["总共", "总计", "合计"];
    Zh Means::Photo => ["张", "图片", "照片", "截图"];
    Zh Means::Video => ["视频", "段", "个视频"];
    Zh Means::AnyFile => ["个文件", "文件", "附件", "每个"];
    En Means::Kilobytes => ["kb", "kib"];
    En Means::Megabytes => ["mb", "mib"];
    En Means::Gigabytes => ["gb", "gib"];
    Fr Means::Kilobytes => ["ko"];
    Fr Means::Megabytes => ["mo"];
    Fr Means::Gigabytes => ["go"];
    Ru Means::Kilobytes => ["кб", "кбайт"];
    Ru Means::Megabytes => ["мб", "мбайт", "мегабайт", "мегабайта", "мегабайтов"];
    Ru Means::Gigabytes => ["гб", "гбайт", "гигабайт", "гигабайта"];
    Zh Means::Megabytes => ["兆"];
};

/// Counts from two to ten written in words, in the languages read ("hasta cuatro fotos", "bis zu
/// drei Fotos", "до пяти фото"): read as their digits. Not one: "a", "un", "ein" are articles
/// too ("only one" is `ONLY_ONE`); nor words that are other words in another language read
/// ("dos": Portuguese "of the"; "ten": Polish "this"; "sept": an English month). Source: team.
pub const NUMBER_WORDS: &[(&str, u32)] = &[
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("huit", 8),
    ("dix", 10),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("ocho", 8),
    ("nueve", 9),
    ("diez", 10),
    ("dois", 2),
    ("duas", 2),
    ("três", 3),
    ("quatro", 4),
    ("sete", 7),
    ("oito", 8),
    ("nove", 9),
    ("dez", 10),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("zehn", 10),
    ("dwa", 2),
    ("dwie", 2),
    ("trzy", 3),
    ("cztery", 4),
    ("pięć", 5),
    ("sześć", 6),
    ("siedem", 7),
    ("osiem", 8),
    ("dziewięć", 9),
    ("dziesięć", 10),
    ("два", 2),
    ("две", 2),
    ("двух", 2),
    ("три", 3),
    ("трёх", 3),
    ("трех", 3),
    ("четыре", 4),
    ("четырёх", 4),
    ("пять", 5),
    ("пяти", 5),
    ("шесть", 6),
    ("шести", 6),
    ("семь", 7),
    ("восемь", 8),
    ("девять", 9),
    ("десять", 10),
    ("десяти", 10),
];

/// "Only one", in the languages read: a count of one written in words ("Nur ein Video im
/// MP4-Format", "un seul fichier", "仅一个视频"). Source: team.
pub const ONLY_ONE: &[&str] = &[
    "only one",
    "just one",
    "a single",
    "nur ein",
    "nur eine",
    "nur einen",
    "un seul",
    "une seule",
    "solo un",
    "solo una",
    "sólo un",
    "sólo una",
    "apenas um",
    "apenas uma",
    "só um",
    "só uma",
    "tylko jeden",
    "tylko jedno",
    "tylko jedną",
    "только один",
    "только одно",
    "только одну",
    "仅一个",
    "只能一个",
    "仅限一个",
];

/// The phrases with a given meaning. (Matching takes the longest that fits, so "no more than"
/// wins over "no".)
pub fn with_meaning(pred: impl Fn(Means) -> bool) -> Vec<&'static Phrase> {
    PHRASES.iter().filter(|p| pred(p.means)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_limits_kinds_and_a_source() {
        for lang in [Lang::En, Lang::Fr, Lang::Ru, Lang::Es, Lang::Pt, Lang::De, Lang::Pl, Lang::Zh] {
            for m in [Means::AtMost, Means::Photo, Means::Video, Means::AnyFile] {
                assert!(PHRASES.iter().any(|p| p.lang == lang && p.means == m), "{lang:?} lacks {m:?}");
            }
        }
        for p in PHRASES {
            assert!(!p.source.0.is_empty() && p.text == p.text.to_lowercase() && p.text.trim() == p.text, "{}", p.text);
        }
    }
}
