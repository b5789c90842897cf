//! Dates and amounts: table-driven fixtures (invented sentences) in Arabic and English, with
//! clitics, spelling variants, the three Arabic month series, and negatives.
//!
//! Each fixture lists every date or amount entity the text must yield, and nothing else: a
//! date as `(mention text, ISO value)`, an amount as `(mention text, "value|qualifier|unit|currency")`
//! with empty fields for `None`.

use khabar::{DateGrain, Entity, EntityKind};

fn dates(text: &str) -> Vec<(String, String)> {
    let a = khabar::parse(text).unwrap();
    let mut out = Vec::new();
    for e in a.entities().iter().filter(|e| e.kind == EntityKind::Date) {
        let v = e.date.as_ref().expect("a date entity has a value");
        for m in &e.mentions {
            assert_eq!(&a.text()[m.span], m.text, "mention text is the original");
            out.push((m.text.clone(), v.value.clone()));
        }
    }
    out
}

fn amount_key(e: &Entity) -> String {
    let a = e.amount.as_ref().expect("an amount entity has a value");
    format!(
        "{}|{}|{}|{}",
        a.value,
        a.qualifier.as_deref().unwrap_or(""),
        a.unit.as_deref().unwrap_or(""),
        a.currency.as_deref().unwrap_or("")
    )
}

fn amounts(text: &str) -> Vec<(String, String)> {
    let a = khabar::parse(text).unwrap();
    let mut out = Vec::new();
    for e in a.entities().iter().filter(|e| e.kind == EntityKind::Amount) {
        for m in &e.mentions {
            assert_eq!(&a.text()[m.span], m.text, "mention text is the original");
            out.push((m.text.clone(), amount_key(e)));
        }
    }
    out
}

fn check(kind: &str, got: Vec<(String, String)>, text: &str, want: &[(&str, &str)]) {
    let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(got, want, "{kind} in: {text}");
}

#[test]
fn arabic_dates() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        // double month names, slash and parentheses
        ("وقعت الهجمات في 11 أيلول/سبتمبر 2001 في المدينة.", &[("11 أيلول/سبتمبر 2001", "2001-09-11")]),
        ("عقد الاجتماع في 15 تشرين الثاني (نوفمبر) 2019 في جنيف.", &[("15 تشرين الثاني (نوفمبر) 2019", "2019-11-15")]),
        ("وصل الوفد يوم 4 فبراير/شباط 2020 إلى العاصمة.", &[("4 فبراير/شباط 2020", "2020-02-04")]),
        // Levantine, Egyptian variants, Maghrebi and Algerian-Tunisian series
        ("وصل الوفد في 3 كانون الثاني 2020 إلى دمشق.", &[("3 كانون الثاني 2020", "2020-01-03")]),
        ("صدر الحكم في 30 يونيه 2013 بعد جلسات طويلة.", &[("30 يونيه 2013", "2013-06-30")]),
        (
            "انطلقت الدورة يوم 12 شتنبر 2021 واختتمت في 4 دجنبر 2021.",
            &[("12 شتنبر 2021", "2021-09-12"), ("4 دجنبر 2021", "2021-12-04")],
        ),
        (
            "تم التوقيع في 5 جانفي 2022 و17 جويلية 2022 بالعاصمة.",
            &[("5 جانفي 2022", "2022-01-05"), ("17 جويلية 2022", "2022-07-17")],
        ),
        ("جرت الانتخابات في غشت 2016 وسط إقبال ضعيف.", &[("غشت 2016", "2016-08")]),
        // clitics on the month
        ("وفي آذار 2018 أعلنت الحكومة خطتها.", &[("آذار 2018", "2018-03")]),
        ("بدأت الاحتجاجات ويناير 2011 كان شهرا حاسما.", &[("يناير 2011", "2011-01")]),
        // years with a cue; "(2015)" after a resolution number
        ("ولد عام 1948 في يافا وعاد في العام 2003.", &[("1948", "1948"), ("2003", "2003")]),
        ("ودعا القرار 2254 (2015) إلى وقف إطلاق النار.", &[("2015", "2015")]),
        ("استمرت الحرب بين عامي 2011 و2015 دون توقف.", &[("2011", "2011"), ("2015", "2015")]),
        ("وقع الاتفاق سنة 1994م في القاهرة.", &[("1994م", "1994")]),
        // ordinal days
        ("أحيا السكان ذكرى الحادي عشر من سبتمبر 2001 بصمت.", &[("الحادي عشر من سبتمبر 2001", "2001-09-11")]),
        ("تبدأ الولاية في الأول من يناير 2024 وتستمر عاما.", &[("الأول من يناير 2024", "2024-01-01")]),
        // day and month without a year, month alone with a cue or a relative word
        ("ينتهي التفويض في 31 يناير المقبل.", &[("31 يناير المقبل", "--01-31")]),
        ("تنطلق العطلة فاتح ماي 2024 في المدن.", &[("فاتح ماي 2024", "2024-05-01")]),
        ("جرى الحفل يوم الخميس الموافق 7 مارس 2019.", &[("الخميس الموافق 7 مارس 2019", "2019-03-07")]),
        ("انطلقت الحملة في 25 من مايو 2014.", &[("25 من مايو 2014", "2014-05-25")]),
        ("زار الرئيس المدينة في فبراير الماضي.", &[("فبراير الماضي", "--02")]),
        ("تنتهي المهلة نهاية شهر أيار.", &[("أيار", "--05")]),
        // numeric dates
        ("صدر البيان بتاريخ 28/07/2016 عن الوزارة.", &[("28/07/2016", "2016-07-28")]),
        ("نشر التقرير 2019-03-05 على الموقع.", &[("2019-03-05", "2019-03-05")]),
        // the first day of a range takes the month and year of the second
        ("تعقد الجولة يومي 3 و4 نوفمبر 2021.", &[("3", "2021-11-03"), ("4 نوفمبر 2021", "2021-11-04")]),
        // a strong year cue needs nothing after the year
        ("شهد عام 2015 تصعيدا كبيرا.", &[("2015", "2015")]),
        // weekdays, unresolved without a reference date
        ("قال الوزير الاثنين إن المحادثات ستستمر.", &[("الاثنين", "monday")]),
        ("وأعلن الجيش يوم الجمعة أنه سيطر على البلدة.", &[("الجمعة", "friday")]),
        ("وكان المجلس قد اجتمع والخميس الماضي أيضا.", &[("الخميس الماضي", "thursday")]),
        // a weekday introducing a date is part of it
        ("جرى ذلك الأربعاء 3 نوفمبر 2021 في العاصمة.", &[("الأربعاء 3 نوفمبر 2021", "2021-11-03")]),
    ];
    for (text, want) in cases {
        check("dates", dates(text), text, want);
    }
}

#[test]
fn arabic_date_negatives() {
    for text in [
        "مارس الضغط على الحكومة لسنوات.",       // مارس the verb
        "قال إنه أب لطفلين ويعمل في المدينة.",  // أب "father" normalises like آب
        "لا خلاف بين الاثنين على هذه المسألة.",    // "the two"
        "شارك الأحد عشر لاعبا في المباراة.",      // eleven, not Sunday
        "نص الرقم 2015 في القائمة على ذلك.",    // a number without a year cue
        "أرسل القرار 2254 إلى الأعضاء.",         // resolution number
        "اختير في المركز 1437 هـ بعد ذلك.",     // a Hijri year is not a Gregorian one
        "ويمارس الضغط الذي بدأ منذ 1500 عام.",  // 1500 years is an amount, not a year
        "وصلت سيارة نيسان الجديدة إلى المعرض.", // a month name without a cue
    ] {
        assert_eq!(dates(text), Vec::<(String, String)>::new(), "no date in: {text}");
    }
}

#[test]
fn english_dates() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("The council met on November 3, 2015 in New York.", &[("November 3, 2015", "2015-11-03")]),
        ("Talks resumed on Nov. 3 after a pause.", &[("Nov. 3", "--11-03")]),
        ("The mission was created on 3 March 2015.", &[("3 March 2015", "2015-03-03")]),
        ("It was signed in March 2015 and again in May.", &[("March 2015", "2015-03"), ("May", "--05")]),
        ("The war has lasted since 2011, and prices rose in mid-2014.", &[("2011", "2011"), ("2014", "2014")]),
        ("Ministers met on Monday and will meet again next Tuesday.", &[("Monday", "monday"), ("Tuesday", "tuesday")]),
        ("The report, dated August 01, 2023, was published.", &[("August 01, 2023", "2023-08-01")]),
        ("The figures of 2016-07-28 were revised.", &[("2016-07-28", "2016-07-28")]),
        ("It expired on the 3rd of November 2020.", &[("3rd of November 2020", "2020-11-03")]),
        ("Resolution 2334 (2016) was adopted.", &[("2016", "2016")]),
        ("\"We need it by the end of April,\" he said.", &[("April", "--04")]),
        ("Talks are set for 3 and 5 November.", &[("3", "--11-03"), ("5 November", "--11-05")]),
        ("The vote is due in mid-March, after the Sept. 11 memorial.", &[("March", "--03"), ("Sept. 11", "--09-11")]),
        ("In 2019 alone, the plan ran from 2020 to 2025.", &[("2019", "2019"), ("2020", "2020"), ("2025", "2025")]),
        ("Fighting has raged since the start of the war in March 2011.", &[("March 2011", "2011-03")]),
    ];
    for (text, want) in cases {
        check("dates", dates(text), text, want);
    }
}

#[test]
fn english_date_negatives() {
    for text in [
        "The talks may resume soon.",
        "May I ask a question?",
        "Protesters will march to the square.",
        "Resolution 2254 was adopted unanimously.",
        "He scored 2015 points over his career.",
        "The monday meeting was cancelled.",
        "The Sunday Times reported it. It was a Good Friday agreement.",
        "Jan Egeland spoke to the press. He rode in Jan Egeland's car.",
    ] {
        assert_eq!(dates(text), Vec::<(String, String)>::new(), "no date in: {text}");
    }
}

#[test]
fn arabic_amounts() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("عبر أكثر من 20 ألف مقاتل الحدود.", &[("أكثر من 20 ألف مقاتل", "20000|more_than|مقاتل|")]),
        ("قتل عشرون شخصا في الهجوم.", &[("عشرون شخصا", "20||شخصا|")]),
        ("قتل خمسة وعشرون مدنيا في القصف.", &[("خمسة وعشرون مدنيا", "25||مدنيا|")]),
        ("خصصت الحكومة ثلاثة ملايين دولار للإعمار.", &[("ثلاثة ملايين دولار", "3000000|||USD")]),
        ("بلغت الخسائر 2٬500 مليون ليرة سورية.", &[("2٬500 مليون ليرة سورية", "2500000000|||SYP")]),
        ("ودفعت الشركة ١٫٥ مليار ريال سعودي.", &[("١٫٥ مليار ريال سعودي", "1500000000|||SAR")]),
        ("وصل نحو ٣ آلاف لاجئ إلى المخيم.", &[("نحو ٣ آلاف لاجئ", "3000|about|لاجئ|")]),
        ("فر مئات الآلاف من السكان.", &[("مئات الآلاف من السكان", "100000|several|السكان|")]),
        ("وقتل عشرات المدنيين.", &[("عشرات المدنيين", "10|several|المدنيين|")]),
        ("تعهد الاتحاد بمليار يورو.", &[("مليار يورو", "1000000000|||EUR")]),
        ("ارتفعت الأسعار بنسبة 45 في المئة.", &[("45 في المئة", "45||في المئة|")]),
        ("دفع 200 دينار رسوما.", &[("200 دينار", "200||دينار|")]),
        (
            "بلغت المنحة 5 ملايين دينار كويتي، منها 300 ألف دينار للتعليم.",
            &[("5 ملايين دينار كويتي", "5000000|||KWD"), ("300 ألف دينار", "300000|||KWD")],
        ),
        (
            "دفع 10 دنانير أردنية و20 دينارا عراقيا و30 دينارا.",
            &[("10 دنانير أردنية", "10|||JOD"), ("20 دينارا عراقيا", "20|||IQD"), ("30 دينارا", "30||دينارا|")],
        ),
        ("سجل وصول مئة وخمسين ألف نازح.", &[("مئة وخمسين ألف نازح", "150000||نازح|")]),
        ("وصل عدد اللاجئين إلى مليون ونصف المليون لاجئ.", &[("مليون ونصف المليون لاجئ", "1500000||لاجئ|")]),
        ("أنفق ما لا يقل عن 15 مليون جنيه مصري.", &[("ما لا يقل عن 15 مليون جنيه مصري", "15000000|at_least||EGP")]),
        ("وتضم البعثة 15 دولة و600 مراقب.", &[("15 دولة", "15||دولة|"), ("600 مراقب", "600||مراقب|")]),
        ("حصل على 157 صوتا.", &[("157 صوتا", "157||صوتا|")]),
        ("شارك 5 وزراء في الاجتماع.", &[("5 وزراء", "5||وزراء|")]),
        ("بلغ عدد الوفيات 5 آلاف و420 حالة.", &[("5 آلاف و420 حالة", "5420||حالة|")]),
        ("سجلت 20 ألفا و30 ألفا على التوالي.", &[("20 ألفا", "20000|||"), ("30 ألفا", "30000|||")]),
        ("بلغت الميزانية 1.2 تريليون دولار أمريكي.", &[("1.2 تريليون دولار أمريكي", "1200000000000|||USD")]),
        ("يبلغ عدد السكان نحو مليوني نسمة.", &[("نحو مليوني نسمة", "2000000|about|نسمة|")]),
        ("صرف الاتحاد 300 ألف درهم إماراتي.", &[("300 ألف درهم إماراتي", "300000|||AED")]),
        ("جرى ضخ 40 مليار دينار كويتي.", &[("40 مليار دينار كويتي", "40000000000|||KWD")]),
    ];
    for (text, want) in cases {
        check("amounts", amounts(text), text, want);
    }
}

#[test]
fn arabic_amount_negatives() {
    for text in [
        "أكد القرار 2254 على الحل السياسي.",
        "نصت المادة 51 من الميثاق على ذلك.",
        "صدر قرار مجلس الأمن رقم 1701 بالإجماع.",
        "للاستفسار اتصل على الرقم 0123456789 فورا.",
        "بدأت الجلسة في الساعة 12:30 ظهرا.",
        "شارك الخمسة عشر لصالح القرار.",
        "صوت واحد في المجلس.",
        "قتل 3 وأصيب آخرون في انفجار.",              // the next word opens a new clause
        "وقع الانفجار نحو 10 صباحا.",                 // a time
        "انتشر فيروس كوفيد-19 في قمة مجموعة الـ20.", // names with numbers
        "وفاز الفريق 3-1 في المباراة.",              // a score
    ] {
        assert_eq!(amounts(text), Vec::<(String, String)>::new(), "no amount in: {text}");
    }
}

#[test]
fn english_amounts() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("More than 20,000 refugees crossed.", &[("More than 20,000 refugees", "20000|more_than|refugees|")]),
        ("The fund will receive $3.5 billion.", &[("$3.5 billion", "3500000000|||USD")]),
        ("It pledged 5 million euros.", &[("5 million euros", "5000000|||EUR")]),
        ("Thousands of people marched.", &[("Thousands of people", "1000|several|people|")]),
        ("Hundreds of thousands of people fled.", &[("Hundreds of thousands of people", "100000|several|people|")]),
        ("About 300 soldiers arrived.", &[("About 300 soldiers", "300|about|soldiers|")]),
        ("Unemployment hit 12 percent.", &[("12 percent", "12||percent|")]),
        ("Officials said two people died.", &[("two people", "2||people|")]),
        ("It costs US$40 million.", &[("US$40 million", "40000000|||USD")]),
        ("Bread costs 1,200 Syrian pounds.", &[("1,200 Syrian pounds", "1200|||SYP")]),
        ("Nearly 4,000 civilians died.", &[("Nearly 4,000 civilians", "4000|almost|civilians|")]),
        ("The agency needs 1.5 billion dollars.", &[("1.5 billion dollars", "1500000000|||USD")]),
        (
            "It raised €20 million and £3 million.",
            &[("€20 million", "20000000|||EUR"), ("£3 million", "3000000|||GBP")],
        ),
        ("Some 6.6 million have fled.", &[("Some 6.6 million", "6600000|about||")]),
        (
            "A dozen soldiers and a hundred and five cars came.",
            &[("A dozen soldiers", "12||soldiers|"), ("a hundred and five cars", "105||cars|")],
        ),
        (
            "The vote was 15 in favour, with twenty-four countries abstaining.",
            &[("twenty-four countries", "24||countries|")],
        ),
    ];
    for (text, want) in cases {
        check("amounts", amounts(text), text, want);
    }
}

#[test]
fn english_amount_negatives() {
    for text in [
        "Article 51 of the Charter applies.",
        "Resolution 2254 calls for talks.",
        "Flight 370 disappeared.",
        "One of the envoys left.",
        "It was the 21st century.",
        "Call 0123 456 789 today.",
        "The 15-member council met at 10 a.m. during the COVID-19 crisis before the G20 summit.",
        "The council voted 13 to 0.",
    ] {
        assert_eq!(amounts(text), Vec::<(String, String)>::new(), "no amount in: {text}");
    }
}

#[test]
fn one_entity_per_value_with_the_fullest_name() {
    let a = khabar::parse("فر 20 ألف شخص في آذار. وقالت الوكالة إن أكثر من 20 ألف شخص فروا في آذار 2018.").unwrap();
    let amounts: Vec<&Entity> = a.entities().iter().filter(|e| e.kind == EntityKind::Amount).collect();
    assert_eq!(amounts.len(), 1);
    assert_eq!(amounts[0].mentions.len(), 2);
    assert_eq!(amounts[0].name, "أكثر من 20 ألف شخص");
    assert_eq!(amounts[0].amount.as_ref().unwrap().qualifier.as_deref(), Some("more_than"));
    let dates: Vec<&Entity> = a.entities().iter().filter(|e| e.kind == EntityKind::Date).collect();
    let values: Vec<&str> = dates.iter().map(|e| e.date.as_ref().unwrap().value.as_str()).collect();
    assert_eq!(values, ["--03", "2018-03"]);
    assert!(dates.iter().all(|e| e.date.as_ref().unwrap().grain == DateGrain::Month));
}

#[test]
fn weekdays_resolve_against_a_publication_date_line() {
    let text = "الثلاثاء 16 نوفمبر 2021\nقال الوزير الإثنين إن المجلس سيجتمع. ومن المقرر أن يصل الوفد الخميس.\nوكان قد زار البلاد السبت الماضي.";
    let got = dates(text);
    assert_eq!(
        got,
        [
            ("الثلاثاء 16 نوفمبر 2021".to_string(), "2021-11-16".to_string()),
            ("الإثنين".to_string(), "2021-11-15".to_string()),
            ("الخميس".to_string(), "2021-11-18".to_string()),
            ("السبت الماضي".to_string(), "2021-11-13".to_string()),
        ]
    );
    let a =
        khabar::parse("Published: August 1, 2023\nThe envoy arrived on Sunday and will leave next Friday.").unwrap();
    let values: Vec<&str> = a.entities().iter().filter_map(|e| e.date.as_ref()).map(|d| d.value.as_str()).collect();
    assert_eq!(values, ["2023-08-01", "2023-07-30", "2023-08-04"]);
}

#[test]
fn values_are_off_with_the_entities_extractor() {
    let p = khabar::Parser::builder().extractors(khabar::Extractors { entities: false, ..Default::default() }).build();
    let a = p.parse("عبر أكثر من 20 ألف مقاتل الحدود في 11 أيلول 2001.").unwrap();
    assert!(a.entities().is_empty());
}

mod robustness {
    use proptest::prelude::*;

    /// Pieces that exercise the date and amount grammars: digits in both scripts, separators,
    /// month and weekday names, number words, currencies, clitics and punctuation.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "3",
            "٣",
            "2015",
            "٢٠١٥",
            "20,000",
            "1.5",
            "٬",
            "٫",
            "/",
            "-",
            "(",
            ")",
            ".",
            ",",
            "،",
            " ",
            " ",
            " ",
            "\n",
            "و",
            "بـ",
            "يناير",
            "أيلول",
            "كانون الثاني",
            "شتنبر",
            "Nov",
            "March",
            "May",
            "الاثنين",
            "Monday",
            "عام",
            "in",
            "ألف",
            "مليون",
            "آلاف",
            "عشرات",
            "ونصف",
            "ثلاثة",
            "عشر",
            "million",
            "of",
            "$",
            "€",
            "دولار",
            "دينار",
            "كويتي",
            "أكثر من",
            "more than",
            "شخصا",
            "people",
            "%",
            "في المئة",
            "الحادي عشر",
            "من",
            "هـ",
            "م",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
        #[test]
        fn values_never_panic_and_point_into_the_text(pieces in prop::collection::vec(piece(), 0..24)) {
            let text: String = pieces.concat();
            let a = khabar::parse(&text).unwrap();
            for e in a.entities() {
                prop_assert!(!e.mentions.is_empty());
                for m in &e.mentions {
                    prop_assert_eq!(&a.text()[m.span], m.text.as_str());
                    prop_assert!(!m.text.is_empty());
                }
                if let Some(v) = &e.amount {
                    prop_assert!(v.value.is_finite() && v.value > 0.0);
                }
            }
        }
    }
}
