//! Statements, table-driven: each row is an article of our own writing and the statements
//! expected in it, in document order, with the surface text of the speaker, cue and content spans.

use khabar::QuoteKind::{self, Direct, Indirect, Mixed};

struct Want {
    kind: QuoteKind,
    /// The speaker as its span reads in the text (for a continuation: the earlier speaker).
    speaker: &'static str,
    role: Option<&'static str>,
    /// The cue as written, or "" for a quotation without one.
    cue: &'static str,
    content: &'static str,
}

const fn q(kind: QuoteKind, speaker: &'static str, cue: &'static str, content: &'static str) -> Want {
    Want { kind, speaker, role: None, cue, content }
}

const fn qr(
    kind: QuoteKind,
    speaker: &'static str,
    role: &'static str,
    cue: &'static str,
    content: &'static str,
) -> Want {
    Want { kind, speaker, role: Some(role), cue, content }
}

struct Row {
    text: &'static str,
    want: &'static [Want],
}

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // VSO with a title before the name, a setting, and a participle continuing the speaker.
    Row { text: "الرباط - أوضح وزير الصحة المغربي خالد العلمي، الثلاثاء في مكناس، أن الحملة ستشمل جميع الأقاليم، مضيفا أن اللقاحات متوفرة بكميات كافية.",
          want: &[qr(Indirect, "خالد العلمي", "وزير الصحة المغربي", "أوضح", "الحملة ستشمل جميع الأقاليم"),
                  qr(Indirect, "خالد العلمي", "وزير الصحة المغربي", "مضيفا", "اللقاحات متوفرة بكميات كافية")] },
    // Continuations: with a surname, and without a subject.
    Row { text: "قال المدير العام للشركة سامي الحلبي إن الأرباح ارتفعت هذا العام. وأضاف الحلبي أن الشركة ستفتح فروعا جديدة. وتابع أن التوظيف سيبدأ في الربيع.",
          want: &[qr(Indirect, "سامي الحلبي", "المدير العام للشركة", "قال", "الأرباح ارتفعت هذا العام"),
                  q(Indirect, "الحلبي", "وأضاف", "الشركة ستفتح فروعا جديدة"),
                  q(Indirect, "الحلبي", "وتابع", "التوظيف سيبدأ في الربيع")] },
    // A feminine continuation skips the masculine speaker in between.
    Row { text: "قالت المتحدثة باسم البلدية ليلى منصور إن الطريق سيغلق ليومين. وقال سائق الحافلة كريم داود إن الازدحام شديد منذ الصباح. وأضافت أن العمل سينتهي قبل العيد.",
          want: &[q(Indirect, "ليلى منصور", "قالت", "الطريق سيغلق ليومين"),
                  q(Indirect, "كريم داود", "وقال", "الازدحام شديد منذ الصباح"),
                  q(Indirect, "ليلى منصور", "وأضافت", "العمل سينتهي قبل العيد")] },
    // Direct quotation after a colon, two sentences long.
    Row { text: "وقال رئيس الاتحاد مراد بن علي: «نحن مستعدون للحوار مع الجميع. ولن نتراجع عن مطالبنا».",
          want: &[q(Direct, "مراد بن علي", "وقال", "نحن مستعدون للحوار مع الجميع. ولن نتراجع عن مطالبنا")] },
    // A quotation opening straight after the speaker, with curly marks.
    Row { text: "وقال الأمين العام للمنظمة رشيد الفاسي “إن التعاون الإقليمي ضرورة لا خيار”.",
          want: &[q(Direct, "رشيد الفاسي", "وقال", "إن التعاون الإقليمي ضرورة لا خيار")] },
    // SVO with a colon: "X: «…»".
    Row { text: "وزير الخارجية الأردني سمير الحديدي: «الحل السياسي هو الطريق الوحيد لإنهاء الأزمة».",
          want: &[qr(Direct, "سمير الحديدي", "وزير الخارجية الأردني", "", "الحل السياسي هو الطريق الوحيد لإنهاء الأزمة")] },
    // SVO: a subject with an apposed name before the verb.
    Row { text: "الرئيس التونسي، قيس عبيد، أكد اليوم الخميس أن الانتخابات ستجري في موعدها.",
          want: &[q(Indirect, "قيس عبيد", "أكد", "الانتخابات ستجري في موعدها")] },
    // من جهته، أفاد X أن …
    Row { text: "من جهته، أفاد مدير المستشفى نبيل حداد أن حالة المصابين مستقرة.",
          want: &[qr(Indirect, "نبيل حداد", "مدير المستشفى", "أفاد", "حالة المصابين مستقرة")] },
    // A role as the speaker when no name is given.
    Row { text: "وقال المتحدث باسم الخارجية إن الوفد سيصل إلى العاصمة مساء الأحد.",
          want: &[q(Indirect, "المتحدث باسم الخارجية", "وقال", "الوفد سيصل إلى العاصمة مساء الأحد")] },
    // Mixed: a reported frame with a quoted part.
    Row { text: "وشدد الوزير حسن العمري على أن الاتفاق «خطوة أولى نحو سلام دائم» في المنطقة.",
          want: &[q(Mixed, "حسن العمري", "وشدد", "الاتفاق «خطوة أولى نحو سلام دائم» في المنطقة")] },
    // A directive counts with quoted words, not with a bare object.
    Row { text: "ودعا الوزير حسن العمري الأطراف إلى «وقف فوري لإطلاق النار في كل المناطق». ودعا العمري إلى الهدوء.",
          want: &[q(Mixed, "حسن العمري", "ودعا", "الأطراف إلى «وقف فوري لإطلاق النار في كل المناطق»")] },
    // بحسب before the statement, and after it.
    Row { text: "وبحسب مصادر أمنية، فإن الهجوم أسفر عن سقوط ثلاثة جرحى. وارتفعت أسعار الوقود بنسبة كبيرة، بحسب وكالة الأنباء الرسمية.",
          want: &[q(Indirect, "مصادر أمنية", "وبحسب", "الهجوم أسفر عن سقوط ثلاثة جرحى"),
                  q(Indirect, "وكالة الأنباء الرسمية", "بحسب", "وارتفعت أسعار الوقود بنسبة كبيرة")] },
    // نقلت … عن
    Row { text: "ونقلت الوكالة عن المتحدث باسم الجيش قوله إن القوات انسحبت من المدينة.",
          want: &[q(Indirect, "المتحدث باسم الجيش", "ونقلت", "القوات انسحبت من المدينة")] },
    // A quotation running over two paragraphs.
    Row { text: "وقال المدير رامي سعيد: «الجملة الأولى طويلة بما يكفي.\n«والفقرة الثانية تكمل الكلام نفسه».",
          want: &[q(Direct, "رامي سعيد", "وقال", "الجملة الأولى طويلة بما يكفي.\n«والفقرة الثانية تكمل الكلام نفسه")] },
    // Reported speech nested inside a quotation is not a statement of its own.
    Row { text: "وقال النائب وليد شرف: «قال لي الوزير إن الملف أغلق نهائيا».",
          want: &[q(Direct, "وليد شرف", "وقال", "قال لي الوزير إن الملف أغلق نهائيا")] },
    // An unbalanced mark does not swallow the rest of the article.
    Row { text: "وقال الوزير سعيد ناصر «إن الوضع صعب.\nوأضاف ناصر أن المحادثات ستستمر الأسبوع المقبل.",
          want: &[q(Indirect, "سعيد ناصر", "وقال", "الوضع صعب"),
                  q(Indirect, "ناصر", "وأضاف", "المحادثات ستستمر الأسبوع المقبل")] },
    // A bare title resolves to the named person it refers back to.
    Row { text: "أكد وزير الداخلية سمير النجار أن الأمن مستتب. وأضاف الوزير أن الدوريات ستتكثف ليلا.",
          want: &[q(Indirect, "سمير النجار", "أكد", "الأمن مستتب"),
                  qr(Indirect, "سمير النجار", "الوزير", "وأضاف", "الدوريات ستتكثف ليلا")] },
    // … and a bare body noun to the body.
    Row { text: "عقد مجلس التعاون الخليجي قمته السنوية في المنامة. وأكد المجلس أن الحل يجب أن يكون سياسيا.",
          want: &[qr(Indirect, "مجلس التعاون الخليجي", "المجلس", "وأكد", "الحل يجب أن يكون سياسيا")] },
    // أما X فقالت …, and كان X قد اعتبر …
    Row { text: "أما المندوبة الفرنسية فقالت إن بلادها تدعم المبادرة. وكان السفير يوسف عمر قد اعتبر أن المبادرة متأخرة.",
          want: &[q(Indirect, "المندوبة الفرنسية", "فقالت", "بلادها تدعم المبادرة"),
                  q(Indirect, "يوسف عمر", "اعتبر", "المبادرة متأخرة")] },
    // An apposed name after a nisba.
    Row { text: "وأعلن رئيس الوفد، الإسباني خوان غارسيا، أن الجولة المقبلة ستعقد في جنيف.",
          want: &[qr(Indirect, "خوان غارسيا", "رئيس الوفد، الإسباني", "وأعلن", "الجولة المقبلة ستعقد في جنيف")] },
    // A quotation with no cue continues the statement before it.
    Row { text: "وقال المدرب فادي سلامة إن الفريق جاهز للمباراة.\n«سنلعب من أجل الفوز ولا شيء غيره».",
          want: &[q(Indirect, "فادي سلامة", "وقال", "الفريق جاهز للمباراة"),
                  q(Direct, "فادي سلامة", "", "سنلعب من أجل الفوز ولا شيء غيره")] },
    // A quotation before its cue and speaker.
    Row { text: "«لن نقبل بأي تأجيل جديد للانتخابات»، قال زعيم المعارضة طارق يوسف.",
          want: &[qr(Direct, "طارق يوسف", "زعيم المعارضة", "قال", "لن نقبل بأي تأجيل جديد للانتخابات")] },
    // The subject of a relative clause; the addressee after the speaker is not part of it.
    Row { text: "واستقبل الرئيس وزير المالية عادل كمال الذي قال إن الميزانية متوازنة. وقال مصدر حكومي لوكالة الأنباء إن الاجتماع كان إيجابيا.",
          want: &[q(Indirect, "عادل كمال", "قال", "الميزانية متوازنة"),
                  q(Indirect, "مصدر حكومي", "وقال", "الاجتماع كان إيجابيا")] },
    // A paper named in quotation marks is part of the speaker.
    Row { text: "وذكرت صحيفة «الأيام» أن الحكومة ستستقيل قريبا.",
          want: &[q(Indirect, "صحيفة «الأيام»", "وذكرت", "الحكومة ستستقيل قريبا")] },
    // Two statements in one sentence without a comma between them.
    Row { text: "قال المحافظ ماجد صالح إن المياه عادت إلى الأحياء وأضاف أن الكهرباء ستعود غدا.",
          want: &[q(Indirect, "ماجد صالح", "قال", "المياه عادت إلى الأحياء"),
                  q(Indirect, "ماجد صالح", "وأضاف", "الكهرباء ستعود غدا")] },
    // An assertion with a noun phrase; a participle straight after its verb.
    Row { text: "أكد الرئيس سليم حداد دعمه الكامل للحكومة الجديدة. وأضاف قائلا: «لن نتخلى عن شعبنا».",
          want: &[qr(Indirect, "سليم حداد", "الرئيس", "أكد", "دعمه الكامل للحكومة الجديدة"),
                  q(Direct, "سليم حداد", "وأضاف", "لن نتخلى عن شعبنا")] },
        // رأى (written with ى, unlike the noun رأي), the name علي (unlike the preposition على),
    // an outlet told ("لـ«…»") in the setting, and a speaker without a title.
    Row { text: "ورأى الخبير الاقتصادي علي حسن أن التضخم سيتراجع. وكان لهذا الرأي أثر كبير. وكشف مصدر مطلع لـ«الشرق» أن المفاوضات توقفت. ويرى مراقبون أن الأزمة ستطول.",
          want: &[qr(Indirect, "علي حسن", "الخبير الاقتصادي", "ورأى", "التضخم سيتراجع"),
                  q(Indirect, "مصدر مطلع", "وكشف", "المفاوضات توقفت"),
                  q(Indirect, "مراقبون", "ويرى", "الأزمة ستطول")] },
        // An official asking for anonymity; a hope reported with في أن; a participle with على.
    Row { text: "وقال مسؤول، طلب عدم الكشف عن اسمه، إن الوفد سيغادر غدا. وأعرب الوزير عن أمله في أن تنجح المفاوضات، مشددا على ضرورة احترام الهدنة.",
          want: &[q(Indirect, "مسؤول", "وقال", "الوفد سيغادر غدا"),
                  q(Indirect, "الوزير", "وأعرب", "تنجح المفاوضات"),
                  q(Indirect, "الوزير", "مشددا", "ضرورة احترام الهدنة")] },
    // "بالقول" continues the subject of the verb opening the sentence.
    Row { text: "وبرر المندوب الروسي امتناع بلاده عن التصويت بالقول إن النص لا يعكس الواقع.",
          want: &[q(Indirect, "المندوب الروسي", "بالقول", "النص لا يعكس الواقع")] },
    // The statement before "حسبما" / "وفق ما" and its cue.
    Row { text: "وارتفع عدد الضحايا إلى عشرين، حسبما أفاد مصدر أمني. وتوقف القتال في المدينة، وفق ما نقلت الوكالة عن شهود.",
          want: &[q(Indirect, "مصدر أمني", "أفاد", "وارتفع عدد الضحايا إلى عشرين"),
                  q(Indirect, "شهود", "نقلت", "وتوقف القتال في المدينة")] },
    // Roles running through إلى/عن/في before the name; nisba adjectives after a title; جدد …
    // التأكيد على; وفقا لـ glued to the source; an honorific before an apposed name.
    Row { text: "قال مبعوث الاتحاد الأفريقي إلى تشاد كمال عيسى إن الهدنة صامدة. واعتبر النائب عن حزب الأمة سالم فرج الله أن الاتفاق هش. وكشف مصدر دبلوماسي فرنسي أن الجولة المقبلة ستعقد في باريس.",
          want: &[qr(Indirect, "كمال عيسى", "مبعوث الاتحاد الأفريقي إلى تشاد", "قال", "الهدنة صامدة"),
                  q(Indirect, "سالم فرج الله", "واعتبر", "الاتفاق هش"),
                  q(Indirect, "مصدر دبلوماسي فرنسي", "وكشف", "الجولة المقبلة ستعقد في باريس")] },
    Row { text: "جدد رئيس مجلس الأمة الشيخ فهد سالم الصباح التأكيد على أن الحوار هو السبيل الوحيد. ووفقا لمكتب الإحصاء الوطني، فإن البطالة تراجعت. وأفاد مدير الفرع في إربد، الدكتور رامي حداد، بأن الحملة مستمرة.",
          want: &[q(Indirect, "فهد سالم الصباح", "جدد", "الحوار هو السبيل الوحيد"),
                  q(Indirect, "مكتب الإحصاء الوطني", "ووفقا", "البطالة تراجعت"),
                  q(Indirect, "رامي حداد", "وأفاد", "الحملة مستمرة")] },
    // A document stays a document with a name in its phrase.
    Row { text: "وأظهرت دراسة نشرها المعهد أن الفقر ازداد. وأفاد تقرير أعده مركز الدراسات بأن البطالة ارتفعت.", want: &[] },
    // One word in construct heads a role; a title resolves only to a speaker with all its words.
    Row { text: "وقال المدرب الإسباني للفريق كارلوس رويث إن اللاعبين قدموا أداء رائعا. واعترف مدرب الفريق المنافس بأن فريقه لم يكن في يومه.",
          want: &[q(Indirect, "كارلوس رويث", "وقال", "اللاعبين قدموا أداء رائعا"),
                  q(Indirect, "مدرب الفريق المنافس", "واعترف", "فريقه لم يكن في يومه")] },
    // Negatives: documents, speech verbs without a statement, marks around names and titles,
    // a headline claim without marks.
    Row { text: "وأكد القرار أن الوضع يهدد السلم الدولي. وأشار البيان إلى أن الاجتماع سيستمر.", want: &[] },
    Row { text: "أعلن الوزير استقالته من الحكومة. وقال الشاعر قصيدته الأخيرة في الحفل.", want: &[] },
    Row { text: "شارك الوفد في مؤتمر «الأمن والتنمية» في الرباط، ووقع على اتفاقية \"الشراكة\".", want: &[] },
    Row { text: "الوزير: الحكومة ستخفض الضرائب\nعقدت الحكومة اجتماعها الأسبوعي أمس.", want: &[] },
    Row { text: "رحب المجلس بالاتفاق الجديد وطالب بوقف القتال.", want: &[] },
    // A title line reporting speech without marks is not a statement; the body's is.
    Row { text: "وزير النقل يؤكد أن القطار السريع سيعمل في الصيف\nأكد وزير النقل فؤاد عثمان أن القطار السريع سيبدأ العمل في الصيف المقبل.",
          want: &[qr(Indirect, "فؤاد عثمان", "وزير النقل", "أكد", "القطار السريع سيبدأ العمل في الصيف المقبل")] },

    // English: quotation then speaker and cue, "said X", "X, the Y, said that", pronouns.
    Row { text: "\"We will not back down,\" Foreign Minister Jane Doe told reporters on Monday.",
          want: &[qr(Direct, "Jane Doe", "Foreign Minister", "told", "We will not back down")] },
    Row { text: "\"The talks are over for now,\" said Peter Hall.",
          want: &[q(Direct, "Peter Hall", "said", "The talks are over for now")] },
    Row { text: "John Smith, the agency's director, said that the plan would fail within months. He said the vote was a turning point for the region.",
          want: &[qr(Indirect, "John Smith", "the agency's director", "said", "the plan would fail within months"),
                  q(Indirect, "John Smith", "said", "the vote was a turning point for the region")] },
    Row { text: "The Security Council met on Friday. The council urged all parties \"to return to the table without conditions.\"",
          want: &[q(Mixed, "Security Council", "urged", "all parties \"to return to the table without conditions.\"")] },
    Row { text: "The economy will shrink by two percent this year, according to the central bank.",
          want: &[q(Indirect, "central bank", "according to", "The economy will shrink by two percent this year")] },
    Row { text: "Mayor Ann Lee said the roads were clear. \"We worked through the night,\" she said.",
          want: &[qr(Indirect, "Ann Lee", "Mayor", "said", "the roads were clear"),
                  q(Direct, "Ann Lee", "said", "We worked through the night")] },
    Row { text: "The company said Tuesday it would cut 500 jobs. \"Blue Sky Over Paris Again\" was its last film.",
          want: &[q(Indirect, "company", "said", "it would cut 500 jobs")] },
        Row { text: "Chile's envoy, Ana Rojas, said Santiago supported the text but warned that sanctions alone would fail. Officials, speaking on condition of anonymity, said the vote was close. \"We are not naive,\" one official said.",
          want: &[qr(Indirect, "Ana Rojas", "Chile's envoy", "said", "Santiago supported the text"),
                  q(Indirect, "Ana Rojas", "warned", "sanctions alone would fail"),
                  q(Indirect, "Officials", "said", "the vote was close"),
                  q(Direct, "one official", "said", "We are not naive")] },
        Row { text: "\"The convoys are blocked,\" Lopez said, adding that talks would resume on Friday.",
          want: &[q(Direct, "Lopez", "said", "The convoys are blocked"),
                  q(Indirect, "Lopez", "adding", "talks would resume on Friday")] },
    Row { text: "Reporters spoke to a shopkeeper who said he saw two attackers flee the scene.",
          want: &[q(Indirect, "shopkeeper", "said", "he saw two attackers flee the scene")] },
    Row { text: "Foreign Minister Said Rahimi said the border would stay open.",
          want: &[qr(Indirect, "Said Rahimi", "Foreign Minister", "said", "the border would stay open")] },
    // A statement before ", X said"; a lower-case plural subject; names after commas further back.
    Row { text: "PARIS (AFP) - Exports fell sharply in the third quarter, Finance Minister Paul Girard said on Friday. In the north, officials say the damage is limited. Maria Costa, the head of the port authority, which runs the docks, said that traffic was recovering.",
          want: &[qr(Indirect, "Paul Girard", "Finance Minister", "said", "Exports fell sharply in the third quarter"),
                  q(Indirect, "officials", "say", "the damage is limited"),
                  q(Indirect, "Maria Costa", "said", "traffic was recovering")] },
    // A clause ending in a place before ", the agency said" is not a name; a report is no speaker.
    Row { text: "OSLO (AP) - Storms forced the World Health Organization to close two clinics in Bergen, the agency said. According to a U.N. report, the storms were the worst in decades.",
          want: &[qr(Indirect, "World Health Organization", "agency", "said", "Storms forced the World Health Organization to close two clinics in Bergen")] },
    Row { text: "The minister told lawmakers on Monday that the budget would be cut.",
          want: &[q(Indirect, "minister", "told", "the budget would be cut")] },
    Row { text: "The spokesman said on Tuesday that the border would reopen next week.",
          want: &[q(Indirect, "spokesman", "said", "the border would reopen next week")] },
    // English negatives: a compound with a cue verb, "that said", "all told".
    Row { text: "The so-called \"soft landing\" now looks likely. That said, risks remain. All told, the index gained 2 percent.",
          want: &[] },
    // English negatives: a title in quotation marks, a verb of speech without a statement,
    // the resolution as subject.
    Row { text: "The film \"Blue Sky Over Paris\" won the main award. The minister said nothing. The resolution stressed that talks must resume.",
          want: &[] },
];

#[test]
fn statements() {
    let mut failures = Vec::new();
    for row in ROWS {
        let a = khabar::parse(row.text).unwrap();
        let t = a.text();
        let got: Vec<String> = a
            .quotes()
            .iter()
            .map(|q| {
                let sp = q.speaker.as_ref().expect("every statement has a speaker");
                assert_eq!(&t[q.content.span], q.content.text, "content span");
                let cue = q.cue.as_ref().map_or("", |c| &t[c.span]);
                format!(
                    "{:?} | {} | {} | {} | {}",
                    q.kind,
                    &t[sp.span],
                    sp.role.as_deref().unwrap_or("-"),
                    cue,
                    q.content.text
                )
            })
            .collect();
        let want: Vec<String> = row
            .want
            .iter()
            .map(|w| {
                let role = w.role.unwrap_or("-");
                format!("{:?} | {} | {} | {} | {}", w.kind, w.speaker, role, w.cue, w.content)
            })
            .collect();
        // Rows without a role to check accept any role.
        let matches = got.len() == want.len()
            && got.iter().zip(row.want).all(|(g, w)| {
                let parts: Vec<&str> = g.split(" | ").collect();
                parts[0] == format!("{:?}", w.kind)
                    && parts[1] == w.speaker
                    && w.role.is_none_or(|r| parts[2] == r)
                    && parts[3] == w.cue
                    && parts[4..].join(" | ") == w.content
            });
        if !matches {
            failures.push(format!("{}\n  want {want:#?}\n  got  {got:#?}", row.text));
        }
    }
    assert!(failures.is_empty(), "{} rows failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn cue_lemmas_and_settings() {
    let a = khabar::parse("وأضافت الوزيرة هدى سالم، في مؤتمر صحفي بالعاصمة، أن الخطة جاهزة للتنفيذ.").unwrap();
    let q = &a.quotes()[0];
    let cue = q.cue.as_ref().unwrap();
    assert_eq!((cue.text.as_str(), cue.lemma.as_str()), ("وأضافت", "أضاف"));
    assert_eq!(q.setting.as_ref().unwrap().text, "في مؤتمر صحفي بالعاصمة");
    let a = khabar::parse("\"It is done,\" she said.").unwrap();
    assert!(a.quotes().is_empty(), "a pronoun with nobody before it is no speaker");
    let a =
        khabar::parse("Officials said the bridge would stay closed, adding that repairs would take a month.").unwrap();
    let lemmas: Vec<_> = a.quotes().iter().map(|q| q.cue.as_ref().unwrap().lemma.as_str()).collect();
    assert_eq!(lemmas, ["say", "add"]);
}
