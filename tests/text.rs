//! The text layer through the public API, table-driven: normalisation, language, sentences,
//! boilerplate, clitics.

use khabar::text::{Analysis, Normalized, clitic_splits, detect_language, normalize};
use khabar::{Language, parse};

#[test]
fn normalisation_table() {
    #[rustfmt::skip]
    let rows: &[(&str, &str)] = &[
        ("الأمم المتحدة", "الامم المتحدة"),
        ("إسرائيل", "اسرائيل"),
        ("آذار", "اذار"),
        ("ٱلرحمن", "الرحمن"),
        ("مصطفى", "مصطفي"),
        ("ایران یک", "ايران يك"),            // Persian yeh
        ("کابل", "كابل"),                     // Persian kaf
        ("القرار ٢٢٥٤", "القرار 2254"),       // Arabic-Indic digits
        ("۱۹۴۸", "1948"),                     // Persian digits
        ("مُحَمَّدٌ", "محمد"),                    // harakat and shadda
        ("الـــدولــة", "الدولة"),             // tatweel inside words
        ("دمشق ـ قال", "دمشق - قال"),          // a standalone tatweel is a dash
        ("ﺍﻷﻣﻢ ﺍﻟﻤﺘﺤﺪﺓ", "الامم المتحدة"),       // presentation forms
        ("«قال» “said” „so“", "\"قال\" \"said\" \"so\""),
        ("‹x› ‘y’", "'x' 'y'"),
        ("a\u{00A0}b\u{200F}c\u{FEFF}", "a bc"),
        ("Security Council", "Security Council"), // case is kept
    ];
    for (input, want) in rows {
        assert_eq!(normalize(input), *want, "{input}");
        // the mapped form agrees, and every normalised word maps back to where it came from
        let n = Normalized::new(input);
        assert_eq!(n.as_str(), *want);
        let a = Analysis::new(input);
        for t in a.tokens() {
            assert_eq!(normalize(&input[t.orig()]), a.normalized()[t.norm()], "{input}: token {t:?}");
            assert_eq!(n.to_normalized(t.orig().start), t.norm().start, "{input}");
        }
    }
}

#[test]
fn language_table() {
    let rows = [
        ("قال الوزير إن المحادثات مستمرة", Language::Arabic),
        ("The Security Council met on Monday", Language::English),
        ("أعلنت الأمم المتحدة (UN) و(UNICEF) اليوم", Language::Arabic),
        ("The minister (الوزير) spoke", Language::English),
        ("Совет Безопасности ООН", Language::Other),
        ("2254 (2015) — 1701", Language::Other),
        ("", Language::Other),
    ];
    for (text, want) in rows {
        assert_eq!(detect_language(text), want, "{text}");
    }
}

#[test]
fn sentence_table() {
    #[rustfmt::skip]
    let rows: &[(&str, &[&str])] = &[
        ("قال الوزير إن الوضع هادئ. وأضاف أن الطريق مفتوح.", &["قال الوزير إن الوضع هادئ.", "وأضاف أن الطريق مفتوح."]),
        ("هل انتهى الاجتماع؟ نعم، انتهى!", &["هل انتهى الاجتماع؟", "نعم، انتهى!"]),
        ("السطر الأول\nالسطر الثاني", &["السطر الأول", "السطر الثاني"]),
        ("قال، ثم سكت؛ ثم غادر.", &["قال، ثم سكت؛ ثم غادر."]),
        ("التقى د. سمير بالوفد.", &["التقى د. سمير بالوفد."]),
        ("نقلت وكالة أ ف ب الخبر. ثم نفته.", &["نقلت وكالة أ ف ب الخبر.", "ثم نفته."]),
        ("ارتفع بنسبة 2.5 بالمئة. ثم تراجع.", &["ارتفع بنسبة 2.5 بالمئة.", "ثم تراجع."]),
        ("The U.N. envoy met Dr. Smith on Monday. Talks continue.", &["The U.N. envoy met Dr. Smith on Monday.", "Talks continue."]),
        ("وقال: «لن نتراجع. سنواصل». ثم انصرف.", &["وقال: «لن نتراجع. سنواصل».", "ثم انصرف."]),
        ("He said: \"We will stay. We will win.\" Then he left.", &["He said: \"We will stay. We will win.\"", "Then he left."]),
    ];
    for (text, want) in rows {
        let a = parse(text).unwrap();
        let got: Vec<&str> = a.sentences().iter().map(|s| &a.text()[*s]).collect();
        assert_eq!(&got, want, "{text}");
    }
}

#[test]
fn boilerplate_table() {
    #[rustfmt::skip]
    let rows: &[(&str, &str, usize)] = &[
        ("نص الخبر.\nأرسل تعليقك\nتعليقك كزائر", "نص الخبر.", 1),
        ("نص الخبر.\nاترك تعليقاً\nلن يتم نشر عنوان بريدك الإلكتروني.", "نص الخبر.", 1),
        ("نص الخبر.\nاقرأ أيضاً\nعنوان خبر آخر", "نص الخبر.", 1),
        ("نص الخبر.\nمواضيع: سياسة، اقتصاد", "نص الخبر.", 1),
        ("نص الخبر.\nطباعة\nزر الذهاب إلى الأعلى", "نص الخبر.", 1),
        ("The story.\nLeave a comment", "The story.", 1),
        ("The story.\nShare this:\nFacebook\nTwitter", "The story.", 1),
        ("The story.\nRelated:\nAnother story", "The story.", 1),
        ("The story.\nRead more", "The story.", 1),
        ("Share\nThe story.", "The story.", 1),
        ("The story ends here.", "The story ends here.", 0),
        ("Comments from the minister were brief.", "Comments from the minister were brief.", 0),
    ];
    for (text, body, n) in rows {
        let a = parse(text).unwrap();
        assert_eq!(&a.text()[a.body()], *body, "{text}");
        assert_eq!(a.boilerplate().len(), *n, "{text}");
        // extraction never reads furniture: sentences lie inside the body
        assert!(a.sentences().iter().all(|s| a.body().contains(s)));
    }
}

#[test]
fn clitic_table() {
    #[rustfmt::skip]
    let rows: &[(&str, &[&str])] = &[
        ("والمغرب", &["والمغرب", "المغرب"]),
        ("للامم", &["للامم", "الامم", "اللامم", "لامم"]),
        ("للجنة", &["للجنة", "الجنة", "اللجنة", "لجنة"]),
        ("بمجلس", &["بمجلس", "مجلس"]),
        ("وبمجلس", &["وبمجلس", "بمجلس", "مجلس"]),
        ("فالقرار", &["فالقرار", "القرار"]),
        ("كالعادة", &["كالعادة", "العادة"]),
        ("بالقرار", &["بالقرار", "القرار"]),
        ("Reuters", &["Reuters"]),
        ("و", &["و"]),
    ];
    for (word, want) in rows {
        let got: Vec<String> = clitic_splits(word).map(|s| s.stem.into_owned()).collect();
        assert_eq!(&got, want, "{word}");
    }
}
