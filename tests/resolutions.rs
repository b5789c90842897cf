//! UN resolution references through the public API: a table of phrasings, Arabic and English,
//! both digit systems, positives and negatives. Every sentence is invented for this table.

use khabar::{Body, BodySource, Resolution};

const SC: Body = Body::SecurityCouncil;
const GA: Body = Body::GeneralAssembly;
const HRC: Body = Body::HumanRightsCouncil;
const ECOSOC: Body = Body::EconomicAndSocialCouncil;

/// One expected resolution: number, body, session, year, symbol, and the text of its first mention.
type Want = (u32, Body, Option<&'static str>, Option<i32>, &'static str, &'static str);

/// (article text, expected resolutions in order of first mention; empty = no reference).
const CASES: &[(&str, &[Want])] = &[
    // ---------------------------------------------------------------- Arabic, body stated
    (
        "أكد الوزير التزام بلاده بتنفيذ قرار مجلس الأمن رقم 2178 بشأن المقاتلين الأجانب.",
        &[(2178, SC, None, Some(2014), "S/RES/2178 (2014)", "قرار مجلس الأمن رقم 2178")],
    ),
    (
        "دعا قرار مجلس الأمن الدولي رقم 1559 إلى نزع سلاح الميليشيات.",
        &[(1559, SC, None, Some(2004), "S/RES/1559 (2004)", "قرار مجلس الأمن الدولي رقم 1559")],
    ),
    (
        "صوت الأعضاء على قرار مجلس الأمن 2254 (2015) بالإجماع.",
        &[(2254, SC, None, Some(2015), "S/RES/2254 (2015)", "قرار مجلس الأمن 2254 (2015)")],
    ),
    (
        "التزمت الأطراف بالقرار 1701 الذي تبناه مجلس الأمن في آب.",
        &[(1701, SC, None, Some(2006), "S/RES/1701 (2006)", "القرار 1701")],
    ),
    (
        "وبموجب القرار 2401 الصادر عن مجلس الأمن، يجب وقف إطلاق النار.",
        &[(2401, SC, None, Some(2018), "S/RES/2401 (2018)", "القرار 2401")],
    ),
    (
        "ونفذت اللجنة مهامها وفقا للقرار 2396 لمجلس الأمن الدولي.",
        &[(2396, SC, None, Some(2017), "S/RES/2396 (2017)", "القرار 2396")],
    ),
    (
        "أشار إلى قرار مجلس الأمن ذي الرقم (1267) لسنة 1999 بشأن العقوبات.",
        &[(1267, SC, None, Some(1999), "S/RES/1267 (1999)", "قرار مجلس الأمن ذي الرقم (1267)")],
    ),
    (
        "تعمل البعثة وفق قرار مجلس الأمن الدولي المرقم 1546 في 8 حزيران 2004.",
        &[(1546, SC, None, Some(2004), "S/RES/1546 (2004)", "قرار مجلس الأمن الدولي المرقم 1546")],
    ),
    (
        "وقال السفير إن قرار مجلس الأمن الجديد، رقم 2756، واضح في مضمونه.",
        &[(2756, SC, None, Some(2024), "S/RES/2756 (2024)", "قرار مجلس الأمن الجديد، رقم 2756")],
    ),
    (
        "ونص قرار مجلس الأمن ٢٣٣٤ (٢٠١٦) على عدم شرعية الاستيطان.",
        &[(2334, SC, None, Some(2016), "S/RES/2334 (2016)", "قرار مجلس الأمن ٢٣٣٤ (٢٠١٦)")],
    ),
    (
        "ونص القرار S/RES/2334 (2016) على عدم شرعية الاستيطان.",
        &[(2334, SC, None, Some(2016), "S/RES/2334 (2016)", "S/RES/2334 (2016)")],
    ),
    (
        "وجاء في الوثيقة S / RES / 242 أن الانسحاب واجب.",
        &[(242, SC, None, Some(1967), "S/RES/242 (1967)", "S / RES / 242")],
    ),
    // ---------------------------------------------------------------- Arabic, body from the sentence or article
    (
        "دعا مجلس الأمن الدولي إلى تنفيذ القرار ٢٢٥٤ دون تأخير.",
        &[(2254, SC, None, Some(2015), "S/RES/2254 (2015)", "القرار ٢٢٥٤")],
    ),
    (
        "تبنى مجلس الأمن القرار 2231 لعام 2015 الخاص بالاتفاق النووي.",
        &[(2231, SC, None, Some(2015), "S/RES/2231 (2015)", "القرار 2231")],
    ),
    (
        "وأشار المندوب في جلسة مجلس الأمن إلى القرار الذي حمل الرقم 2254.",
        &[(2254, SC, None, Some(2015), "S/RES/2254 (2015)", "القرار الذي حمل الرقم 2254")],
    ),
    (
        "وطالبت الحكومة مجلس الأمن بالعودة للقرار 2216 الخاص باليمن.",
        &[(2216, SC, None, Some(2015), "S/RES/2216 (2015)", "القرار 2216")],
    ),
    (
        "اجتمع مجلس الأمن الدولي أمس في نيويورك.\nوينص القرار رقم 2650 على تمديد الولاية ستة أشهر.",
        &[(2650, SC, None, Some(2022), "S/RES/2650 (2022)", "القرار رقم 2650")],
    ),
    (
        "عقد مجلس الأمن جلسة طارئة. وتعمل اللجنة وفق قرار اتخذه المجلس تحت الرقم (1844) عام 2008.",
        &[(1844, SC, None, Some(2008), "S/RES/1844 (2008)", "قرار اتخذه المجلس تحت الرقم (1844)")],
    ),
    (
        "مدد مجلس الأمن ولاية البعثة. ويطلب قرار المجلس 2765 (2024) تقارير دورية.",
        &[(2765, SC, None, Some(2024), "S/RES/2765 (2024)", "قرار المجلس 2765 (2024)")],
    ),
    (
        "وطالب مجلس الأمن الدولي في قراره رقم 2367 لسنة 2017 بإجراء حوار شامل.",
        &[(2367, SC, None, Some(2017), "S/RES/2367 (2017)", "قراره رقم 2367")],
    ),
    (
        "وتستند البعثة إلى القرار الأممي 2254 لعام 2015.",
        &[(2254, SC, None, Some(2015), "S/RES/2254 (2015)", "القرار الأممي 2254")],
    ),
    (
        "يطالب لبنان بتطبيق القرار الدولي 425 الصادر عام 1978 القاضي بالانسحاب.",
        &[(425, SC, None, Some(1978), "S/RES/425 (1978)", "القرار الدولي 425")],
    ),
    (
        "ويطالب القرار 242 الصادر عام 1967 بالانسحاب من الأراضي المحتلة.",
        &[(242, SC, None, Some(1967), "S/RES/242 (1967)", "القرار 242")],
    ),
    (
        "وشدد البيان على احترام القرار 2216 الأممي الخاص باليمن.",
        &[(2216, SC, None, Some(2015), "S/RES/2216 (2015)", "القرار 2216")],
    ),
    (
        "ورحب الوفد بقرار مجلس الأمن 2401 (2018م) الداعي إلى هدنة.",
        &[(2401, SC, None, Some(2018), "S/RES/2401 (2018)", "قرار مجلس الأمن 2401 (2018م)")],
    ),
    // ---------------------------------------------------------------- Arabic lists and duals
    (
        "ودعا الوزير إلى تطبيق قرارات الشرعية الدولية، وخاصة القرارين 242 و338.",
        &[
            (242, SC, None, Some(1967), "S/RES/242 (1967)", "القرارين 242"),
            (338, SC, None, Some(1973), "S/RES/338 (1973)", "338"),
        ],
    ),
    (
        "أكد البيان أهمية القرارين 242 و338 الصادرين عن مجلس الأمن.",
        &[
            (242, SC, None, Some(1967), "S/RES/242 (1967)", "القرارين 242"),
            (338, SC, None, Some(1973), "S/RES/338 (1973)", "338"),
        ],
    ),
    (
        "ويبقى القراران 1559 و1701 أساس الموقف الأممي من لبنان.",
        &[
            (1559, SC, None, Some(2004), "S/RES/1559 (2004)", "القراران 1559"),
            (1701, SC, None, Some(2006), "S/RES/1701 (2006)", "1701"),
        ],
    ),
    (
        "وذكر بقرارات مجلس الأمن 242، 338، 425 بشأن الصراع.",
        &[
            (242, SC, None, Some(1967), "S/RES/242 (1967)", "قرارات مجلس الأمن 242"),
            (338, SC, None, Some(1973), "S/RES/338 (1973)", "338"),
            (425, SC, None, Some(1978), "S/RES/425 (1978)", "425"),
        ],
    ),
    (
        "إن مجلس الأمن، إذ يشير إلى قراراته 2014 (2011) و2051 (2012) و2140 (2014)، يقرر تمديد التدابير.",
        &[
            (2014, SC, None, Some(2011), "S/RES/2014 (2011)", "قراراته 2014 (2011)"),
            (2051, SC, None, Some(2012), "S/RES/2051 (2012)", "2051 (2012)"),
            (2140, SC, None, Some(2014), "S/RES/2140 (2014)", "2140 (2014)"),
        ],
    ),
    (
        "وطالب الوفد بتطبيق القرار 242 و338، كما أقرهما مجلس الأمن.",
        &[
            (242, SC, None, Some(1967), "S/RES/242 (1967)", "القرار 242"),
            (338, SC, None, Some(1973), "S/RES/338 (1973)", "338"),
        ],
    ),
    // ---------------------------------------------------------------- Arabic, General Assembly and HRC
    (
        "طالب المتظاهرون بتطبيق قرار الجمعية العامة رقم 194 الخاص بحق العودة.",
        &[(194, GA, None, Some(1948), "A/RES/194 (III)", "قرار الجمعية العامة رقم 194")],
    ),
    (
        "وأكدت الجمعية العامة للأمم المتحدة في قرارها رقم 194 لسنة 1948 حق اللاجئين في العودة.",
        &[(194, GA, None, Some(1948), "A/RES/194 (III)", "قرارها رقم 194")],
    ),
    (
        "تطالب الأونروا بتطبيق قرار هيئة الأمم المتحدة 194 منذ عقود.",
        &[(194, GA, None, Some(1948), "A/RES/194 (III)", "قرار هيئة الأمم المتحدة 194")],
    ),
    (
        "وأكد أن قرار عودة اللاجئين رقم (194) الصادر سنة (1948) لم يطبق بعد.",
        &[(194, GA, None, Some(1948), "A/RES/194 (III)", "قرار عودة اللاجئين رقم (194)")],
    ),
    (
        "ويستند الموقف إلى قرار التقسيم 181 (II) الصادر عن الجمعية العامة.",
        &[(181, GA, None, Some(1947), "A/RES/181 (II)", "قرار التقسيم 181 (II)")],
    ),
    (
        "رحبت فلسطين بتبني الجمعية العامة القرار 67/19 الذي منحها صفة دولة مراقب.",
        &[(19, GA, Some("67"), Some(2012), "A/RES/67/19", "القرار 67/19")],
    ),
    (
        "أشار إلى قرار الجمعية العامة 1904 (د-18) بشأن القضاء على التمييز العنصري.",
        &[(1904, GA, None, Some(1963), "A/RES/1904 (XVIII)", "قرار الجمعية العامة 1904 (د-18)")],
    ),
    (
        "اعتمد مجلس حقوق الإنسان القرار 46/1 بشأن المصالحة.",
        &[(1, HRC, Some("46"), Some(2021), "A/HRC/RES/46/1", "القرار 46/1")],
    ),
    (
        "وجاء في قرار مجلس حقوق الإنسان 49/1 أن الوضع خطير.",
        &[(1, HRC, Some("49"), Some(2022), "A/HRC/RES/49/1", "قرار مجلس حقوق الإنسان 49/1")],
    ),
    (
        "وذكّرت الجمعية العامة بالقرار ES-10/19 بشأن القدس.",
        &[(19, GA, Some("ES-10"), None, "A/RES/ES-10/19", "القرار ES-10/19")],
    ),
    // ---------------------------------------------------------------- Arabic negatives
    ("أصدر وزير الداخلية قرارا وزاريا رقم 12 لسنة 2020 بتنظيم المرور.", &[]),
    ("ونص القرار رقم 5 لسنة 2020 الصادر عن رئاسة الوزراء على إغلاق المعابر.", &[]),
    ("وتنص المادة 2 من القانون رقم 10 على حماية الصحفيين.", &[]),
    ("وقال المتحدث باسم الأمم المتحدة إن القرار يمتد 12 شهرا قابلة للتمديد، وإن القرار 12 شهرا كاف.", &[]),
    ("صدر قرار مجلس الوزراء رقم 345 لعام 2019 بشأن الاستثمار.", &[]),
    ("ويمكن الاتصال بالمكتب على الرقم 0123456789 طوال اليوم.", &[]),
    ("وقع الرئيس القرار الجمهوري رقم 120 لسنة 2021.", &[]),
    ("أكد قرار المحكمة رقم 44 أن العقد باطل.", &[]),
    ("وأعلنت الجمعية العمومية لنقابة الصحفيين القرار رقم 3 بالإجماع.", &[]),
    ("وأصدر مجلس الأمن القومي القرار رقم 7 بشأن الحدود.", &[]),
    ("أصدر مجلس الجامعة العربية القرار رقم 8914 في دورته العادية.", &[]),
    ("وشهد عام 2015 تبني قرارات عدة في البرلمان.", &[]),
    ("تمت الموافقة على القرار بأغلبية 13 صوتا في مجلس الأمن.", &[]),
    // A second number after a singular trigger must end cleanly: here it counts fighters.
    (
        "وأشار مجلس الأمن إلى القرار 2254 و300 مقاتل.",
        &[(2254, SC, None, Some(2015), "S/RES/2254 (2015)", "القرار 2254")],
    ),
    ("وأعلن مسؤول في الأمم المتحدة أن القرار 30 يونيو سيكون نهائيا.", &[]),
    ("وأصدر مجلس الأمن الإيراني القرار رقم 450 بشأن الحدود.", &[]),
    // ---------------------------------------------------------------- Arabic years
    (
        "ودعا المبعوث الأممي إلى احترام القرار 1701/2006 بحذافيره.",
        &[(1701, SC, None, Some(2006), "S/RES/1701 (2006)", "القرار 1701/2006")],
    ),
    (
        "أكد قرار مجلس الأمن 242 لعام 1968 على الانسحاب.",
        &[(242, SC, None, Some(1968), "S/RES/242 (1967)", "قرار مجلس الأمن 242")],
    ),
    (
        "وأيد المندوب القرار 181 لعام 1947 أمام الأمم المتحدة.",
        &[(181, GA, None, Some(1947), "A/RES/181 (II)", "القرار 181")],
    ),
    (
        "وأشار مجلس الأمن إلى القرار 194 لعام 1964 بشأن قبرص.",
        &[(194, SC, None, Some(1964), "S/RES/194 (1964)", "القرار 194")],
    ),
    (
        "ودعا مجلس الأمن إلى تطبيق القرار 2254 في عام 2020 دون إبطاء.",
        &[(2254, SC, None, Some(2015), "S/RES/2254 (2015)", "القرار 2254")],
    ),
    // ---------------------------------------------------------------- English
    (
        "The Security Council adopted resolution 2254 (2015) on Syria.",
        &[(2254, SC, None, Some(2015), "S/RES/2254 (2015)", "resolution 2254 (2015)")],
    ),
    (
        "Security Council resolution 1701 ended the war.",
        &[(1701, SC, None, Some(2006), "S/RES/1701 (2006)", "Security Council resolution 1701")],
    ),
    (
        "Diplomats cited resolutions 1267 (1999) and 1989 (2011) of the Security Council.",
        &[
            (1267, SC, None, Some(1999), "S/RES/1267 (1999)", "resolutions 1267 (1999)"),
            (1989, SC, None, Some(2011), "S/RES/1989 (2011)", "1989 (2011)"),
        ],
    ),
    (
        "Under UNSCR 1373, states must criminalise terrorist financing.",
        &[(1373, SC, None, Some(2001), "S/RES/1373 (2001)", "UNSCR 1373")],
    ),
    (
        "UNSC Resolution No. 2254 calls for elections.",
        &[(2254, SC, None, Some(2015), "S/RES/2254 (2015)", "UNSC Resolution No. 2254")],
    ),
    (
        "The text, S/RES/2334 (2016), was adopted with 14 votes.",
        &[(2334, SC, None, Some(2016), "S/RES/2334 (2016)", "S/RES/2334 (2016)")],
    ),
    (
        "It recalled S/RES/2328(2016) on the evacuation.",
        &[(2328, SC, None, Some(2016), "S/RES/2328 (2016)", "S/RES/2328(2016)")],
    ),
    (
        "The U.N. Security Council's resolution 2231 endorsed the deal.",
        &[(2231, SC, None, Some(2015), "S/RES/2231 (2015)", "U.N. Security Council's resolution 2231")],
    ),
    (
        "General Assembly resolution 194 (III) resolved that refugees should be permitted to return.",
        &[(194, GA, None, Some(1948), "A/RES/194 (III)", "General Assembly resolution 194 (III)")],
    ),
    (
        "The vote upgraded the delegation's status under A/RES/67/19.",
        &[(19, GA, Some("67"), Some(2012), "A/RES/67/19", "A/RES/67/19")],
    ),
    (
        "The Assembly adopted A/RES/ES-10/19 on the status of the city.",
        &[(19, GA, Some("ES-10"), None, "A/RES/ES-10/19", "A/RES/ES-10/19")],
    ),
    (
        "HRC resolution 46/1 extended the mandate.",
        &[(1, HRC, Some("46"), Some(2021), "A/HRC/RES/46/1", "HRC resolution 46/1")],
    ),
    ("See A/HRC/RES/46/1 for the text.", &[(1, HRC, Some("46"), Some(2021), "A/HRC/RES/46/1", "A/HRC/RES/46/1")]),
    (
        "Consultative status is governed by ECOSOC resolution E/RES/1996/31.",
        &[(31, ECOSOC, Some("1996"), Some(1996), "E/RES/1996/31", "E/RES/1996/31")],
    ),
    (
        "The UN has long called for the implementation of resolution 242 of 1967.",
        &[(242, SC, None, Some(1967), "S/RES/242 (1967)", "resolution 242")],
    ),
    (
        "Security Council resolution 2254 (2016) is often misdated.",
        &[(2254, SC, None, Some(2016), "S/RES/2254 (2015)", "Security Council resolution 2254 (2016)")],
    ),
    (
        "The General Assembly revoked resolution 3379 (XXX) in 1991.",
        &[(3379, GA, None, Some(1975), "A/RES/3379 (XXX)", "resolution 3379 (XXX)")],
    ),
    (
        "Resolution 1325, adopted by the Security Council in 2000, set the agenda.",
        &[(1325, SC, None, Some(2000), "S/RES/1325 (2000)", "Resolution 1325")],
    ),
    (
        "UN Security Council Adopts Resolution 2719 On Sudan",
        &[(2719, SC, None, Some(2023), "S/RES/2719 (2023)", "Resolution 2719")],
    ),
    (
        "The UN refugee agency says resolution 194 has never been implemented.",
        &[(194, GA, None, Some(1948), "A/RES/194 (III)", "resolution 194")],
    ),
    (
        "The Assembly adopted resolution ES-10/21 by 120 votes to 14.",
        &[(21, GA, Some("ES-10"), None, "A/RES/ES-10/21", "resolution ES-10/21")],
    ),
    (
        "Security Council resolutions 1267/1989/2253 target the group's financing.",
        &[
            (1267, SC, None, Some(1999), "S/RES/1267 (1999)", "Security Council resolutions 1267"),
            (1989, SC, None, Some(2011), "S/RES/1989 (2011)", "1989"),
            (2253, SC, None, Some(2015), "S/RES/2253 (2015)", "2253"),
        ],
    ),
    // ---------------------------------------------------------------- English negatives
    ("The city council passed resolution 45 on housing, while the UN General Assembly met in New York.", &[]),
    ("Israel demands the implementation of resolution 1701 and accuses Hezbollah of violations.", &[]),
    ("Russia's Supreme National Security Council issued resolution 450, UN diplomats said.", &[]),
    ("House Resolution 24 was introduced in Congress last week.", &[]),
    ("The resolution passed 13-0 at the city council.", &[]),
    ("Resolution 5 of the board was adopted by shareholders.", &[]),
    ("The council approved resolution 2019-45 on zoning.", &[]),
    ("Resolution 1 of the Arab League summit backed the plan, UN officials said.", &[]),
    ("The UN draft S/2017/443 was circulated on Monday.", &[]),
    ("Call 555 2254 for details about the 2015 vote.", &[]),
];

/// Compares one case; returns what differs.
fn check(text: &str, want: &[Want]) -> Result<(), String> {
    let article = khabar::parse(text).unwrap();
    let got: &[Resolution] = article.resolutions();
    let found: Vec<_> = got
        .iter()
        .map(|r| {
            let m = &r.mentions[0];
            (r.number, r.body, r.session.as_deref(), r.year, r.symbol.as_str(), m.text.as_str())
        })
        .collect();
    if found != want {
        return Err(format!("{text}\n  want {want:?}\n  got  {found:?}"));
    }
    for r in got {
        // The span points at the surface text (after a "لل" clitic the text restores the article).
        let m = &r.mentions[0];
        let surface = &text[m.span];
        if surface != m.text && format!("ا{surface}") != m.text {
            return Err(format!("{text}: span {surface:?} for {:?}", m.text));
        }
    }
    Ok(())
}

#[test]
fn phrasings() {
    assert!(CASES.len() >= 60, "{} cases", CASES.len());
    let failures: Vec<String> = CASES.iter().filter_map(|&(text, want)| check(text, want).err()).collect();
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n\n"));
}

#[test]
fn body_sources() {
    let a = khabar::parse("قرار مجلس الأمن رقم 2178 مهم.").unwrap();
    assert_eq!(a.resolutions()[0].body_source, BodySource::Stated);
    let a = khabar::parse("دعا مجلس الأمن إلى تنفيذ القرار 2254.").unwrap();
    assert_eq!(a.resolutions()[0].body_source, BodySource::Sentence);
    let a = khabar::parse("اجتمع مجلس الأمن أمس.\nوينص القرار رقم 2650 على التمديد.").unwrap();
    assert_eq!(a.resolutions()[0].body_source, BodySource::Article);
    let a = khabar::parse("وتستند البعثة إلى القرار الأممي 2254.").unwrap();
    assert_eq!(a.resolutions()[0].body_source, BodySource::Inferred);
}

#[test]
fn year_conflict_is_flagged_and_kept() {
    let a = khabar::parse("أكد قرار مجلس الأمن 242 لعام 1968 على الانسحاب.").unwrap();
    let r = &a.resolutions()[0];
    assert!(r.year_conflict);
    assert_eq!(r.year, Some(1968));
    let a = khabar::parse("Security Council resolution 2254 (2015) calls for talks.").unwrap();
    assert!(!a.resolutions()[0].year_conflict);
}

#[test]
fn one_resolution_many_mentions() {
    let text = "تبنى مجلس الأمن القرار 2720 أمس. وقال دبلوماسيون إن القرار نفسه يدعو إلى هدنة، \
                وإن قرار مجلس الأمن رقم 2720 ملزم.";
    let a = khabar::parse(text).unwrap();
    assert_eq!(a.resolutions().len(), 1);
    let texts: Vec<&str> = a.resolutions()[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["القرار 2720", "القرار نفسه", "قرار مجلس الأمن رقم 2720"]);
    let spans: Vec<usize> = a.resolutions()[0].mentions.iter().map(|m| m.span.start).collect();
    assert!(spans.windows(2).all(|w| w[0] < w[1]));

    let a =
        khabar::parse("The Security Council adopted resolution 2728 on Monday. The resolution demands a ceasefire.")
            .unwrap();
    let texts: Vec<&str> = a.resolutions()[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["resolution 2728", "The resolution"]);
}

#[test]
fn back_reference_needs_a_single_candidate() {
    // Two resolutions named before: "the resolution" is ambiguous.
    let a = khabar::parse("The Council recalled resolutions 2254 (2015) and 2118 (2013). The resolution was welcomed.")
        .unwrap();
    assert!(a.resolutions().iter().all(|r| r.mentions.len() == 1));
    // A resolution without a number was introduced: it may be the one meant.
    let a = khabar::parse(
        "The Security Council adopted a resolution on Haiti, recalling resolution 2653. The resolution also extends the mission.",
    )
    .unwrap();
    assert_eq!(a.resolutions().len(), 1);
    assert_eq!(a.resolutions()[0].mentions.len(), 1);
}

#[test]
fn json_carries_symbol_session_and_year() {
    let a = khabar::parse("رحبت فلسطين بتبني الجمعية العامة القرار 67/19.").unwrap();
    let v: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
    let r = &v["resolutions"][0];
    assert_eq!(r["body"], "general_assembly");
    assert_eq!(r["number"], 19);
    assert_eq!(r["session"], "67");
    assert_eq!(r["year"], 2012);
    assert_eq!(r["symbol"], "A/RES/67/19");
}
