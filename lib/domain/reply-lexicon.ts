/**
 * Vocabulary of client replies to an invoice or a reminder, per intent, in fr/en/de (es/it/nl lighter).
 *
 * Every pattern runs on accent-folded, lower-cased text ("réglé" -> "regle", "Überweisung" -> "uberweisung")
 * and carries a weight: 3 = the phrase alone states the intent, 2 = strong, 1-1.5 = a hint that needs
 * company. Flags:
 * - `affirmative`: the match is dropped when a negation precedes it in its clause ("not yet paid",
 *   "n'a pas été réglée", "noch nicht überwiesen"); patterns that need the negation spell it out instead.
 * - `past`: also dropped after a future or conditional marker ("will be paid", "dès que … payé"), so that
 *   a commitment is not read as a payment already made.
 * The lists are written from how clients word each excuse (see DOMAIN.md §1), not from any test record.
 */
export type ReplyIntent =
  | 'paid'
  | 'promise'
  | 'delay_request'
  | 'dispute'
  | 'financial_difficulty'
  | 'lost_invoice'
  | 'other_company'
  | 'acknowledgement'
  | 'none';

export interface Cue {
  re: RegExp;
  weight: number;
  affirmative?: boolean;
  past?: boolean;
  /** Promise cues that only hold under a condition ("happy to pay once…") are weak. */
  conditional?: boolean;
}

type Spec = readonly [pattern: string, weight: number, flags?: string];

function build(specs: readonly Spec[]): Cue[] {
  return specs.map(([pattern, weight, flags = '']) => ({
    re: new RegExp(pattern, 'g'),
    weight,
    affirmative: flags.includes('a'),
    past: flags.includes('p'),
    conditional: flags.includes('c'),
  }));
}

/** Any character of the same sentence: a dot only counts as an end when it does not follow a digit ("1.428,00", "7. April"). */
const S = String.raw`(?:[^.;!?]|(?<=\d)\.)`;
const COMPANY = String.raw`(?:company|companies|entity|business|firm|subsidiary|affiliate|group|organi[sz]ation|holding|holdings|ltd|llc|inc|plc|corp|gmbh|sarl|sas|sasu|eurl|sci|s\.a\.|srl|s\.l\.|b\.v\.|bv|ag|kg|ug|societe|filiale|maison mere|entite|structure|association|gesellschaft|firma|tochter\w*|mutter\w*|schwester\w*|konzern|empresa|sociedad|filial|societa|azienda|controllata|bedrijf|vennootschap|moedermaatschappij|dochteronderneming)`;

export const LEXICON: Record<Exclude<ReplyIntent, 'none'>, Cue[]> = {
  paid: build([
    // en
    [String.raw`\b(?:i|we)(?:'ve| have| just| already|'ve just|'ve already| have just| have already)? (?:paid|settled|transferred|wired|remitted|mailed (?:the|a|you a) che(?:que|ck)|sent (?:the |you the |over the |a )?(?:payment|money|funds|transfer|e-transfer|wire|cheque|check))\b`, 3, 'ap'],
    [String.raw`\bpaid (?:via|by|with|through|using|it|this|in full|today|yesterday|just now|this morning|earlier|on)\b`, 3, 'ap'],
    [String.raw`\b(?:payment|transfer|wire|ach|e-transfer|cheque|check|remittance|invoice|bill|balance|amount)(?: has| have)? (?:been |was |is |went )?(?:made|sent|processed|completed|initiated|executed|released|paid|settled|transferred|out|through)\b`, 3, 'ap'],
    [String.raw`\b(?:ran|processed|sent|initiated|made|released|issued|submitted) (?:the |a |our |your )?(?:ach|payment|wire|transfer|bank transfer|e-transfer)\b`, 3, 'ap'],
    [String.raw`\b(?:proof|confirmation|evidence) of (?:payment|transfer)|\bpayment (?:confirmation|receipt|reference)|\bconfirmation (?:number|code)|\btransaction (?:id|number|ref\w*)|\bremittance (?:advice|slip)|\b(?:che(?:que|ck) is in the (?:post|mail))\b`, 3, 'a'],
    [String.raw`\b(?:it's|it is|all|now|already) (?:been )?(?:paid|settled)\b`, 3, 'ap'],
    [String.raw`\b(?:just|already) (?:paid|settled|transferred|wired|sent (?:the )?(?:payment|money|funds))\b|\b(?:paid|settled) (?:the|your|this) (?:invoice|bill|balance|amount)\b|\bpayment (?:done|complete|completed|made|sent)\b|\b(?:payment|transfer|money|funds|it)(?: has| have)? (?:gone|went) (?:out|through|across)\b|\bremittance\b`, 3, 'ap'],
    // fr
    [String.raw`\b(?:virement|paiement|reglement|versement|cheque)s? (?:de [^.,;]{1,30} )?(?:a ete |est |vient d'etre |est bien )?(?:effectue|fait|parti|passe|envoye|emis|realise|execute|lance|expedie|poste|valide et envoye)e?s?\b`, 3, 'ap'],
    [String.raw`\b(?:j'ai|nous avons|on a|je viens de|nous venons de|j'ai bien|nous avons bien)(?: bien)? (?:fait|faire|effectue|effectuer|lance|lancer|passe|passer|emis|emettre|envoye|envoyer|realise|realiser|procede a|procede au|proceder au|poste|programme et envoye) (?:le|un|notre|mon|votre|au|a la|de)? ?(?:virement|paiement|reglement|cheque|versement)\b`, 3, 'ap'],
    [String.raw`\b(?:j'ai|nous avons|on a|je viens de|nous venons de)(?: bien| deja)? (?:paye|regle|vire|solde|verse|payer|regler|virer|solder|verser)\b`, 3, 'ap'],
    [String.raw`\bc'est (?:regle|paye|fait|solde|vire)\b`, 3, 'ap'],
    [String.raw`\b(?:facture|montant|somme|solde|paiement)(?: a ete| est| est bien| a bien ete| est desormais| vient d'etre) (?:reglee?|payee?|soldee?|viree?|acquittee?)\b`, 3, 'ap'],
    [String.raw`\b(?:copie|preuve|justificatif|avis|confirmation|capture|recu|ordre)s? (?:de |du |d')?(?:mon |notre |la |l')?(?:virement|paiement|reglement|transfert|versement)\b`, 3, 'a'],
    [String.raw`\b(?:regle|paye|vire)e?s? (?:ce matin|hier|aujourd'hui|ce jour|a l'instant|tout a l'heure)\b`, 3, 'ap'],
    // de
    [String.raw`\b(?:habe|haben|hat|hatte|hatten)\b${S}{0,60}\b(?:uberwiesen|ueberwiesen|bezahlt|beglichen|angewiesen|veranlasst|ausgeglichen|gezahlt)\b`, 3, 'ap'],
    [String.raw`\b\w*(?:betrag|rechnung|zahlung|uberweisung|summe)\b${S}{0,40}\b(?:wurde|ist|wurden|sind)\b${S}{0,30}\b(?:uberwiesen|bezahlt|beglichen|angewiesen|veranlasst|ausgefuhrt|erfolgt|gezahlt|raus)\b`, 3, 'ap'],
    [String.raw`\b(?:zahlungsbeleg|uberweisungsbeleg|zahlungsnachweis|zahlungsbestatigung|uberweisungsbestatigung|beleg\b${S}{0,30}\b(?:angehangt|anbei|im anhang|beigefugt))`, 3, 'a'],
    [String.raw`\b(?:bereits|schon|gestern|heute|soeben|eben) (?:uberwiesen|bezahlt|beglichen|angewiesen)\b`, 3, 'ap'],
    // es / it / nl
    [String.raw`\b(?:he|hemos|ya) (?:pagado|transferido|abonado|realizado (?:la transferencia|el pago)|hecho (?:la transferencia|el pago))\b|\b(?:transferencia|pago) (?:realizad|hech|enviad|efectuad)[ao]\b|\bcomprobante de (?:pago|transferencia)\b`, 3, 'ap'],
    [String.raw`\b(?:ho|abbiamo|gia) (?:pagato|saldato|effettuato il (?:bonifico|pagamento)|disposto il bonifico|fatto il bonifico)\b|\bbonifico (?:effettuato|eseguito|disposto|inviato)\b|\bcontabile del bonifico\b`, 3, 'ap'],
    [String.raw`\b(?:heb|hebben|is|zijn|werd) (?:\w+ ){0,3}(?:betaald|overgemaakt|overgeboekt|voldaan)\b|\bbetalingsbewijs\b`, 3, 'ap'],
  ]),

  promise: build([
    // en
    [String.raw`\b(?:i|we)(?:'ll| will| shall|'re going to|'m going to| are going to| am going to| plan to| intend to| aim to| expect to) (?:(?:be )?(?:able to )?)?(?:pay|settle|send|transfer|wire|process|make|get|have|release|clear|initiate|arrange|issue|cut|mail)\b`, 2.5, 'a'],
    [String.raw`\b(?:will|should|is going to|'ll) be (?:paid|settled|processed|transferred|wired|released|sent|cleared|in your account)\b`, 2.5],
    [String.raw`\b(?:payment|transfer|wire|cheque|check) (?:is |has been |will be )?(?:scheduled|planned|queued|booked|lined up|set up|approved|on its way)\b|\bpayment (?:will|should) (?:go out|be made|reach you|arrive|hit)\b`, 2.5],
    [String.raw`\b(?:payment run|pay run|payment batch|payment cycle|check run|cheque run)\b|\b(?:approved|validated|cleared|signed off) for payment\b|\bbeen approved\b`, 2.5],
    [String.raw`\byou(?:'ll| will| should) (?:have|receive|get|see) (?:it|the (?:payment|money|funds|transfer)|payment|funds|the full amount)\b`, 2.5],
    [String.raw`\b(?:paying|settling|sending|transferring) (?:it|this|the invoice|you|the balance|the payment)\b`, 2, 'a'],
    [String.raw`\b(?:i|we)(?:'ll| will) (?:sort|take care of|handle|deal with|action|look after) (?:it|this|that|the (?:payment|invoice|transfer|balance))\b|\bpayment is on (?:its|the) way\b`, 2.5, 'a'],
    [String.raw`\bje (?:m'en|vais m'en|vous en) (?:occupe|occuper|charge|charger)\b|\bje m'occupe (?:du|de la|de ce|de votre) (?:paiement|reglement|virement|facture)\b|\b(?:procederons|procederai|procedera) (?:au|a la) (?:paiement|reglement|virement)\b|\b(?:je|nous|on) (?:vous )?(?:reglerai|reglerons|reglera|paierai|paierons|paiera|payerai|payerons|virerai|virerons|verserai|verserons|solderai|solderons|enverrai le cheque|enverrons le cheque|ferai le virement|ferons le virement)\b`, 2.5, 'a'],
    [String.raw`\b(?:zahlung|uberweisung|begleichung|uberweisen|uberweisen wir)\b ?erfolgt\b|\bsie (?:erhalten|bekommen) (?:die zahlung|das geld|den betrag|ihr geld)\b|\b(?:wir|ich) (?:zahlen|uberweisen|begleichen|uberweise|zahle|begleiche)\b${S}{0,30}\b(?:am|bis|zum|nachste|morgen|ende|anfang|in)\b`, 2.5, 'a'],
    [String.raw`\b(?:happy|glad|ready|willing) to pay\b|\bwill pay (?:as soon as|once|when)\b`, 1, 'c'],
    // fr
    [String.raw`\b(?:je|nous|on)(?: vous)? (?:vais|allons|va|compte|comptons|prevois|prevoyons|m'engage a|nous engageons a)(?: vous)? (?:payer|regler|virer|solder|verser|faire (?:le|un) (?:virement|paiement|reglement)|proceder au (?:virement|reglement|paiement)|envoyer (?:le|un) (?:cheque|virement|paiement)|lancer le (?:virement|paiement)|effectuer (?:le|un) (?:virement|paiement|reglement))\b`, 2.5],
    [String.raw`\b(?:je|nous|on)(?: vous)? (?:fais|faisons|fait|lance|lancons|passe|passons|programme|programmons|envoie|envoyons|effectue|effectuons|regle|reglons|paie|payons|vire|virons)(?: vous)? (?:le |un |la |votre |ce )?(?:virement|paiement|reglement|cheque|facture|solde|montant)?\b(?=${S}{0,40}\b(?:demain|apres-demain|aujourd'hui|ce soir|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|semaine|mois|le \d|d'ici|avant|des|sous|dans|en fin|sans faute|au plus tard|prochain))`, 2.5],
    [String.raw`\b(?:sera|seront|va etre|vont etre)(?: bien)? (?:reglee?s?|payee?s?|viree?s?|soldee?s?|honoree?s?|mise? en paiement|traitee?s?|versee?s?|effectuee?s?|lancee?s?|envoyee?s?|emise?s?)\b`, 2.5],
    [String.raw`\b(?:virement|paiement|reglement|versement|cheque)s? (?:interviendra|partira|part|sera (?:fait|effectue|emis|lance|envoye|execute|traite)|est (?:programme|prevu|planifie|valide|en cours)|suivra)\b`, 2.5],
    [String.raw`\b(?:mise? en paiement|campagne de (?:paiement|reglement)|cycle de paiement|bon (?:a|pour) payer|validee? (?:pour|en) (?:paiement|reglement)|facture (?:est )?(?:validee|approuvee|bonne pour paiement))\b`, 2.5],
    [String.raw`\bvous (?:serez|allez etre) (?:paye|regle|rembourse)e?s?\b|\bvous (?:recevrez|aurez|allez recevoir) (?:le|votre|notre|un|les) (?:paiement|virement|reglement|fonds|cheque)\b`, 2.5],
    [String.raw`\b(?:des que|lorsque|quand|une fois que)\b${S}{0,60}\b(?:je|nous|on) (?:vous )?(?:reglerai|reglerons|paierai|paierons|payerai|payerons|ferai le virement|ferons le virement)\b`, 1, 'c'],
    // de
    [String.raw`\b(?:ich|wir) (?:werde|werden)\b${S}{0,50}\b(?:uberweisen|bezahlen|begleichen|zahlen|anweisen|freigeben|veranlassen|ausgleichen)\b`, 2.5],
    [String.raw`\b(?:zahlung|uberweisung|betrag|rechnung|uberweisungen)\b${S}{0,40}\b(?:geht|gehen|wird|werden)\b${S}{0,40}\b(?:raus|rausgehen|uberwiesen|bezahlt|beglichen|angewiesen|ausgefuhrt|veranlasst|erfolgen|freigegeben)\b`, 2.5],
    [String.raw`\b(?:ich|wir) (?:uberweise|uberweisen|zahle|zahlen|begleiche|begleichen|bezahle|bezahlen)\b(?=${S}{0,50}\b(?:morgen|ubermorgen|heute|montag|dienstag|mittwoch|donnerstag|freitag|woche|monat|bis|am \d|zum|spatestens|umgehend|sofort))`, 2.5],
    [String.raw`\b(?:zur zahlung freigegeben|zahlungslauf|zahllauf|zahlungstermin vorgemerkt|zur uberweisung vorgemerkt)\b`, 2.5],
    // es / it / nl
    [String.raw`\b(?:pagare|pagaremos|vamos a pagar|voy a pagar|realizaremos (?:el pago|la transferencia)|haremos (?:el pago|la transferencia)|transferire|transferiremos|abonaremos)\b|\bse (?:pagara|abonara|transferira)\b`, 2.5],
    [String.raw`\b(?:paghero|pagheremo|provvederemo al (?:pagamento|bonifico|saldo)|provvedero al (?:pagamento|bonifico)|faremo il bonifico|effettueremo il (?:bonifico|pagamento)|saldero|salderemo|sara pagata|verra (?:pagata|saldata))\b`, 2.5],
    [String.raw`\b(?:ik|wij|we) (?:zal|zullen|ga|gaan)\b${S}{0,30}\b(?:betalen|overmaken|voldoen)\b|\bwordt (?:\w+ ){0,3}(?:betaald|overgemaakt|voldaan)\b`, 2.5],
  ]),

  delay_request: build([
    // Explicit requests for time.
    [String.raw`\b(?:more|extra|additional|a bit (?:more|of) |a little (?:more )?|some more )time\b|\bgrace period\b|\b(?:an |short |payment )?extension\b|\bbear with (?:us|me)\b|\bgive (?:us|me) (?:until|till|a few|a couple|some|another)\b`, 2],
    [String.raw`(?<!the |for |any |a |no )\b(?:push|postpone|defer|delay|move|shift|extend|hold off|reschedule|put off|pushing|postponing|delaying)\b[^.,;!?]{0,30}\b(?:payment|due date|deadline|it|this|invoice|paying|settlement|back)\b`, 2],
    [String.raw`\bwould you mind if\b|\bif (?:we|i) (?:paid|settled|pay|settle|transferred)\b|\bon hold\b|\b(?:is|would) (?:that|this) (?:be )?(?:ok|okay|alright|acceptable|fine)\b|\bhope (?:that's|that is|this is) (?:ok|okay|fine|alright)\b|\b(?:extra|more|additional|another|a few more|a couple more|couple of extra) (?:days|weeks|month)\b`, 2],
    [String.raw`\baccorder\b|\b(?:jours|semaines|mois) (?:supplementaires|de plus|de delai)\b|\bd'attendre\b|\b(?:zusatzliche|weitere) (?:tage|wochen|frist)\b|\b(?:ein paar|einige|zwei|drei) (?:tage|wochen) (?:mehr|langer|zeit|aufschub)\b|\bist (?:das|dies) (?:in ordnung|ok|okay|moglich)\b`, 2],
    [String.raw`\b(?:can|could|may|might) (?:we|i) (?:please )?(?:pay|settle|transfer|send (?:the )?payment)\b|\bwould it be (?:ok|okay|possible|alright|fine) (?:if|to)\b|\b(?:will|may|might|is going to) be (?:a (?:bit|little|few days) |slightly )?late\b`, 2],
    [String.raw`\b(?:pourrions|pouvons|pourrais|puis|pourrait|peut)[- ](?:nous|je|on)\b${S}{0,20}\b(?:payer|regler|vous regler|vous payer|virer|solder)\b|\best-il possible de (?:payer|regler)\b|\b(?:aura|prendra|aurons) (?:un peu de |un leger |du |quelques jours de )?retard\b`, 2],
    [String.raw`\b(?:konnen|konnten|durfen|durften) wir\b${S}{0,40}\b(?:zahlen|uberweisen|begleichen)\b|\b(?:verzogert|verzogern|verspatet)\b`, 2],
    [String.raw`\bpayment (?:will|may|might|is going to) (?:slip|be (?:delayed|late|postponed|a bit late|pushed))\b|\b(?:slip|slide) (?:by|a|to)\b|\bpay (?:a (?:bit|little) )?later\b|\bwait (?:until|till|for)\b`, 2],
    [String.raw`\bon (?:his|her|their) return\b|\bwhen (?:he|she|they) (?:is|are|gets?|comes?) back\b|\bonce (?:he|she|they) (?:is|are|gets?|comes?) back\b`, 2],
    [String.raw`\b(?:plus de|un peu de|davantage de|un peu plus de) (?:temps|delai)\b|\bdelai (?:supplementaire|de paiement|de grace)\b|\b(?:un|d'un|petit) (?:delai|report|decalage)\b`, 2],
    [String.raw`\b(?:decaler|reporter|repousser|differer|prolonger|retarder|decale|reporte|repousse|differe|prolonge|retarde|decalage|report)\b${S}{0,30}\b(?:echeance|paiement|reglement|date|virement|facture|delai|au |a la |a fin|jusqu)`, 2],
    [String.raw`\bpatient(?:er|iez|ez)\b|\b(?:attendre|d'attendre) (?:jusqu|son retour|le retour|la fin|que|le debut|la validation|l'approbation)|\b(?:a|des) (?:son|leur) retour\b|\baccorder (?:un|quelques|une)\b`, 2],
    [String.raw`\b(?:verschieben|aufschieben|verschoben|stundung|stunden sie|zahlungsaufschub|aufschub|fristverlangerung|zahlungsziel verlangern|verlangerung|mehr zeit|etwas zeit|noch etwas zeit|gedulden|spater (?:zahlen|uberweisen|begleichen)|warten bis|nach (?:seiner|ihrer) (?:ruckkehr|ruckkunft)|sobald (?:er|sie) (?:zuruck|wieder da))\b`, 2],
    [String.raw`\b(?:aplazar|posponer|retrasar|prorroga|mas tiempo|esperar hasta|a su regreso)\b|\b(?:rinviare il pagamento|posticipare|proroga|piu tempo|dilazione|al suo rientro)\b|\b(?:uitstel|uitstellen|later betalen|meer tijd)\b`, 2],
    // Reasons (non-financial): weak alone, capped when summed.
    [String.raw`\b(?:accountant|bookkeeper|finance (?:director|team|manager|department)|accounts (?:team|department)|cfo|controller|boss|manager|director|comptable|expert-comptable|service comptable|tresorier|responsable financier|directeur financier|daf|gerant|patron|buchhalter\w*|buchhaltung|steuerberater|chef|geschaftsfuhrer\w*|contable|contabilidad|commercialista|contabile|boekhouder)\b${S}{0,60}\b(?:holiday|vacation|leave|away|off|sick|out|absent|abroad|conges?|vacances|absente?|malade|arret|indisponible|deplacement|pas la|urlaub|krank|abwesend|nicht da|nicht im haus|verreist|vacaciones|de baja|ferie|malato|vakantie|ziek)\b`, 1.5],
    [String.raw`\b(?:en conges?|en vacances|on leave|on holiday|on vacation|off sick|im urlaub|in elternzeit|krankgeschrieben|maternity|paternity|maternite|paternite|travell?ing|en deplacement|auf dienstreise)\b`, 1.5],
    [String.raw`\b(?:doit|doivent|must|needs? to|has to|have to|muss|mussen)\b(?: encore| still| first| noch| erst)? (?:valider|approuver|signer|approve|sign off|sign|review|freigeben|genehmigen|prufen)\b|\b(?:switching|changing|moving|migrating) (?:banks?|accounting|software|systems?|providers?|erp)\b`, 1.5],
    [String.raw`\b(?:approval|sign-off|sign off|validation|approbation|circuit de validation|validation interne|freigabe|genehmigung|aprobacion|approvazione|goedkeuring|review all|budget (?:is |n'est |ist )?(?:not|pas|nicht|only|qu'|erst))\b|\b(?:not|pas|noch nicht|nicht) (?:yet |encore )?(?:approved|valide|approuve|freigegeben|genehmigt)\b`, 1.5],
    [String.raw`\b(?:new|changing (?:our|the)|migrat\w+ (?:to )?(?:a |our )?new) (?:accounting|erp|finance|payment|banking) (?:software|system|platform|tool)\b|\b(?:changement|migration) de (?:logiciel|systeme|banque|erp)\b|\bnouveau logiciel\b|\b(?:umstellung|systemumstellung|neue[sn]? (?:buchhaltungs|erp|banking)\w*)\b|\b(?:year-end|closing the books|cloture (?:des comptes|annuelle|comptable)|jahresabschluss|inventur|inventaire)\b`, 1.5],
  ]),

  financial_difficulty: build([
    [String.raw`\bcash[- ]?flow\b|\b(?:tight|short|low) (?:on|of)? ?(?:cash|money|funds|liquidity)\b|\bcash is (?:tight|short|low)\b|\b(?:financial|money|cash) (?:difficult\w*|trouble|problems?|issues?|hardship|strain|struggles?|situation|squeeze|constraints?)\b|\bstruggling (?:financially|to pay|to make ends meet|with (?:cash|money|payments))\b`, 3],
    [String.raw`\b(?:money|cash|funds|budget|finances|liquidity) (?:is|are) (?:very |really |a bit |quite |extremely |so )?(?:tight|short|low|limited|stretched|scarce)\b|\bmonthly (?:payments|instal\w*)\b|\bjoindre les deux bouts\b|\b(?:du|beaucoup de) mal a (?:payer|regler|faire face|boucler)\b|\bzahlungsunfahig\w*`, 3],
    [String.raw`\b(?:can't|cannot|can not|unable to|couldn't|could not) afford\b|\b(?:don't|do not|didn't|did not) have (?:the |enough )?(?:money|funds|cash)\b|\bnot (?:enough|sufficient) (?:money|funds|cash)\b`, 3],
    [String.raw`\binstal?l?ments?\b|\bpayment (?:plan|schedule|arrangement)\b|\b(?:in|into) (?:two|three|four|several|monthly|multiple|\d+) (?:parts|payments|instal?l?ments|tranches|chunks)\b|\bsplit (?:the|it|this|the balance|the payment|the amount) ?(?:payment|into|over|in)?\b|\bpay (?:it )?(?:off )?in (?:parts|chunks|tranches|stages)\b|\b(?:the rest|the remainder|the balance) (?:in|next|later|by|at)\b|\b(?:le reste|le solde restant|le restant|der rest|den rest|den restbetrag|il resto|el resto) (?:le|en|a|au|dans|fin|im|am|ende|nachsten|al|a fine)\b|\b(?:a|per|each) month\b`, 2],
    [String.raw`\bbankrupt\w*|\binsolven\w*|\b(?:administration|receivership|liquidation|chapter (?:7|11)|creditors? (?:protection|arrangement)|debt restructuring)\b`, 3],
    [String.raw`\b(?:lost|losing) (?:our|my|a|his|her|their) (?:biggest |main |largest |major |key )?(?:client|customer|contract|lease|job|funding|investor)s?\b|\b(?:clients?|customers?) (?:still )?(?:owe|owes|haven't paid|hasn't paid|aren't paying|isn't paying|pay late|are late)\b|\b(?:slow|tough|difficult|hard|brutal|rough) (?:season|times|month|quarter|year|winter|summer|period)\b|\blaid off\b|\bredundan\w+\b|\bbehind on (?:our |my |all our |all )?(?:bills|payments|rent|payroll)\b|\bthings are (?:really |very |quite )?(?:hard|tough|difficult|tight)\b|\bwaiting (?:for|on) (?:our|a|one of our|my) (?:own )?(?:clients?|customers?) to pay\b`, 2],
    [String.raw`\ba decouvert\b|\b(?:attendons|attends|en attente d)\w*${S}{0,20}\b(?:paiement|reglement|virement)s? (?:de|d'un|d'une|des) (?:notre|nos|nos propres|un de nos|mon|mes) clients?\b|\bwarten${S}{0,20}\bauf (?:die )?zahlung\w* (?:unseres|eines|unserer) (?:kunden|auftraggeber\w*)\b|\b(?:im|ins) minus\b|\bkonto (?:ist )?uberzogen\b`, 2.5],
    [String.raw`\btresorerie\b|\bdifficultes? (?:financieres?|de tresorerie|economiques?|passageres?|de paiement)\b|\b(?:pas|plus|guere) (?:les|de|assez de) (?:moyens|fonds|liquidites|argent|sous)\b|\bsituation financiere\b|\bserres? financierement\b|\bfins de mois difficiles\b|\bpas les fonds\b`, 3],
    [String.raw`\ben (?:plusieurs|deux|trois|quatre|cinq|six|\d+) (?:fois|mensualites|versements|echeances|paiements|tranches)\b|\bechelonn\w+|\bmensualit\w+|\bpaiement fractionne|\bplan (?:de|d') (?:paiement|apurement|remboursement|reglement)\b|\b(?:€|euros?|eur) (?:par|chaque) mois\b|\b\d+ ?(?:€|euros?|eur)? par mois\b|\ben une (?:seule )?fois\b`, 2],
    [String.raw`\b(?:redressement|liquidation) judiciaire\b|\bprocedure (?:collective|de sauvegarde|de conciliation|de redressement)\b|\bmandataire judiciaire\b|\badministrateur judiciaire\b|\bcessation (?:de|des) paiements?\b|\bdepot de bilan\b|\bdeclarer (?:votre|vos) creances?\b|\bplan de sauvegarde\b`, 3],
    [String.raw`\bperdu (?:son|mon|notre|leur|sa|ma) (?:emploi|travail|plus gros client|principal client|client|marche|bail)\b|\bchomage\b|\b(?:nos|mes) clients ne (?:nous |me )?(?:paient|reglent) pas\b|\bimpayes? (?:de|chez) nos clients\b|\bperiode (?:difficile|compliquee|tendue)\b|\bdifficile en ce moment\b`, 2],
    [String.raw`\bliquiditat\w*|\bzahlungsschwierigkeit\w*|\bfinanziell\w* (?:schwierigkeit\w*|engpass\w*|problem\w*|lage|notlage|situation)\b|\bengpass\w*|\bratenzahlung\w*|\bin raten\b|\braten zahlen\b|\bteilzahlung\w*|\bin (?:zwei|drei|vier|mehreren|\d+) (?:raten|teilen|teilbetragen|betragen)\b|\binsolvenz\w*|\bkonkurs\w*|\b(?:kein|nicht genug|nicht genugend) geld\b|\bknapp bei kasse\b|\bkasse ist (?:leer|knapp)\b`, 3],
    [String.raw`\b(?:dificultades|problemas) (?:economicas|financieras|de liquidez)\b|\bliquidez\b|\ba plazos\b|\ben cuotas\b|\bfraccionar\b|\ben (?:dos|tres|varios) pagos\b|\bconcurso de acreedores\b|\b(?:difficolta|problemi) (?:economiche|finanziarie|di liquidita)\b|\bliquidita\b|\ba rate\b|\brateizz\w+|\bin (?:due|tre) rate\b|\bconcordato\b|\bfallimento\b|\bfinanciele (?:problemen|moeilijkheden)\b|\bliquiditeit\w*|\bin termijnen\b|\b(?:afbetalings|betalings)regeling\b|\bfaillissement\b`, 3],
  ]),

  dispute: build([
    [String.raw`\b(?:dispute|disputing|contest|contesting|challenge|disagree with|object to|reject|rejecting|do not accept|don't accept|cannot accept|can't accept)\b${S}{0,30}\b(?:invoice|amount|charge|bill|fee|hours|item|line|total|price|rate)s?\b`, 3],
    [String.raw`\b(?:incorrect|wrong|inflated|excessive|too high) (?:amount|total|invoice|rate|price|hours|figure|number|quantity|charge)s?\b|\b(?:invoice|amount|total|bill|hours|price) (?:is|are|seems?|looks?) (?:incorrect|wrong|too high|off|excessive|inflated)\b|\bovercharg\w+|\bdouble[- ]?(?:charged|billed|billing)\b`, 3],
    [String.raw`\b(?:doesn't|does not|don't|do not|didn't|did not) (?:match|reflect|correspond|add up|tally)\b|\bnot what (?:we|i) (?:agreed|ordered|quoted|signed|asked for)\b|\b(?:only|just) (?:shows?|shows? up as|recorded|logged|counted|tracked)\b`, 2.5],
    [String.raw`\b(?:never|not) (?:been )?(?:ordered|agreed|approved|signed|requested|asked for|commissioned|delivered|completed|finished|done|received the (?:goods|work|delivery|order|deliverables))\b|\b(?:was|were|has|have|is|are) (?:never|not|still not) (?:been )?(?:delivered|completed|finished|done|fixed|resolved)\b`, 2.5],
    [String.raw`\b(?:bugs?|defects?|broken|faulty|not working|doesn't work|does not work|poor quality|sub-?par|unacceptable|unsatisfactory|not satisfied|dissatisfied|unhappy with|issues? (?:we|i) (?:flagged|reported|raised))\b`, 2],
    [String.raw`\b(?:revised|corrected|amended|adjusted) invoice\b|\bcredit note\b|\brefund\b|\b(?:included|covered) in (?:the|your|our) (?:quote|price|fixed price|package|estimate|retainer|flat fee)\b|\b(?:the|your) quote (?:said|stated|was)\b|\bwe (?:can't|cannot|won't|will not) (?:pay|approve|process) (?:this|that|it|the invoice)\b`, 2],
    [String.raw`\b(?:we|i) agreed (?:on|to|a|upon)\b|\bagreed (?:price|fee|amount|rate|budget|total)\b|\b(?:please )?correct (?:it|the invoice|the amount|this)\b|\b(?:higher|more) than (?:quoted|agreed|estimated|the quote|the estimate|we agreed)\b|\bnot (?:what|as) (?:was )?agreed\b|\b(?:don't|do not|can't|cannot) agree\b|\bnot (?:yet )?(?:finished|complete|completed)\b|\b(?:won't|will not|not going to|cannot|can't) pay (?:until|before|unless|for (?:work|something|this))\b|\b(?:not|won't be|will not be|refuse to|refusing to) pay(?:ing)? for\b|\b(?:your|a) (?:mistake|error|fault)\b`, 2.5],
    [String.raw`\b(?:pas|plus) d'accord\b|\bplus (?:cher|eleve) que (?:le devis|prevu|convenu|annonce)\b|\bpas ce qui (?:etait|avait ete) (?:convenu|prevu)\b|\bn'etait pas (?:convenu|prevu)\b|\b(?:le|votre) devis (?:indiquait|prevoyait|mentionnait|disait)\b|\bpas (?:encore )?(?:termine|fini|acheve)e?s?\b|\bnicht einverstanden\b|\bhoher als (?:im angebot|vereinbart|besprochen|angeboten)\b|\bnicht (?:so )?(?:vereinbart|abgesprochen)\b|\bnicht (?:abgeschlossen|fertig\w*|erledigt|vollstandig)\b|\bzahlen wir (?:die rechnung |den betrag )?(?:noch )?nicht\b|\bnon d'accordo\b`, 2.5],
    [String.raw`\b(?:conteste|contestons|contester|contestation|desaccord|litige|reclamation|refuse de (?:payer|regler)|refusons de (?:payer|regler))\b`, 3],
    [String.raw`\b(?:montant|somme|facture|total|tarif|prix|nombre d'heures|quantite)s? (?:est |sont |me semble |nous semble |parait )?(?:errone|incorrect|faux|excessif|trop eleve|exagere|injustifie)e?s?\b|\bne correspond (?:pas|en rien|nullement)\b|\berreur (?:sur|dans) (?:la|le|votre|cette) (?:facture|montant|total|nombre|decompte)\b`, 3],
    [String.raw`\bjamais (?:signe|commande|valide|accepte|demande|livre|realise|termine)\b|\b(?:n'a|n'ont|n'avons|n'avez|n'est) (?:jamais|pas) (?:ete )?(?:livre|termine|fini|realise|conforme|signe|commande|valide|accepte|demande)e?s?\b|\bnon conforme\b|\bmalfacon\w*|\bne fonctionne (?:pas|plus|toujours pas)\b|\b(?:fuit|fuite|en panne|defectueu\w+|defaut)\b|\b(?:pas|peu) satisfaite?s?\b|\binsatisfaite?s?\b`, 2.5],
    [String.raw`\binclu(?:se|s)? dans (?:le|votre|notre) (?:devis|forfait|prix|contrat)\b|\bhors devis\b|\bpas prevu (?:au|dans le) devis\b|\b(?:annuler|annulez|annulation de) (?:la|cette|votre) facture\b|\b(?:faire|etablir|emettre) un avoir\b|\bje ne (?:reglerai|paierai|payerai|vais pas payer|vais pas regler)\b|\btant que\b${S}{0,80}\b(?:pas|reparation|corrige|termine|livre)\b|\b(?:corriger|rectifier|revoir) (?:le montant|la facture|votre facture|le total)\b`, 2.5],
    [String.raw`\b(?:widerspruch|widerspreche\w*|beanstand\w*|reklamation|reklamier\w*|einspruch)\b|\b(?:betrag|rechnung|rechnungsbetrag|summe|stundenzahl|stunden|preis|abrechnung)\b${S}{0,20}\b(?:ist|sind|scheint|erscheint|wirkt)\s(?:\w+\s)?(?:falsch|fehlerhaft|nicht korrekt|nicht richtig|zu hoch|uberhoht|uberzogen)\b|\bstimmt nicht\b|\bnicht korrekt\b|\bfehlerhaft\b`, 2.5],
    [String.raw`\b(?:im|in|laut) (?:dem )?(?:pauschalpreis|angebot|festpreis|pauschale|vertrag)\b${S}{0,30}\b(?:enthalten|inbegriffen|vereinbart)\b|\blaut (?:ihrem|unserem|dem) angebot\b|\b(?:nicht|nie) (?:bestellt|beauftragt|geliefert|erbracht|fertig|vereinbart|abgenommen)\b|\bmangel\w*|\bdefekt\b|\bfunktioniert nicht\b|\bkorrigieren sie\b|\bkorrigierte rechnung\b|\brechnungskorrektur\b|\bgutschrift\b|\b(?:rechnung|betrag)\b${S}{0,20}\bnicht freigeben\b`, 2.5],
    [String.raw`\bno estamos de acuerdo\b|\breclamacion\b|\bimporte incorrecto\b|\berror en la factura\b|\bno corresponde\b|\bcontestiamo\b|\bnon siamo d'accordo\b|\bimporto errato\b|\berrore nella fattura\b|\bnon corrisponde\b|\breclamo\b|\bbetwisten\b|\bniet akkoord\b|\bonjuist bedrag\b|\bklopt niet\b|\bfout in de factuur\b`, 3],
  ]),

  lost_invoice: build([
    [String.raw`\b(?:never|not|didn't|did not|haven't|have not|hasn't|has not|don't think we|no one|nobody) (?:yet |ever |actually )?(?:received|got|gotten|seen|had)\b(?! (?:the |your |any |our )?(?:goods|delivery|order|items?|parcel|package|work|files|deliverables|logo|product|service))|\b(?:never|not|didn't|did not) (?:arrive|arrived|come through|came through|reach(?:ed)? (?:us|me))\b|\bnever (?:came|arrived|reached (?:us|me))\b`, 3],
    [String.raw`\b(?:can't|cannot|couldn't|could not|unable to|can not) (?:find|locate|trace|see|open)\b|\bno (?:record|trace|sign) of\b|\b(?:lost|misplaced|mislaid|deleted) (?:the|your|this|that) (?:invoice|email|bill|attachment)\b|\b(?:went|gone|got) missing\b|\b(?:spam|junk)(?: folder| filter)?\b|\bcaught (?:by|in) (?:a|the|our) (?:filter|spam)\b`, 3],
    [String.raw`\bre-?send\b|\bsend (?:it|this|that|the invoice|us|me) (?:again|over again|once more)\b|\b(?:send|forward|email|share) (?:us|me)? ?(?:a|another|a new|a fresh) copy\b|\b(?:another|a new|a fresh) copy\b|\bcopy of (?:the|your|this) invoice\b`, 3],
    [String.raw`\b(?:pas|jamais|rien) (?:encore |bien )?(?:recu|eu|vu)\b|\b(?:jamais|pas) (?:ete )?(?:arrivee?|parvenue?|reçue?)\b|\bne (?:la |le |l')?(?:trouve|retrouve|retrouvons|trouvons|vois|voyons) (?:pas|plus|nulle part)\b|\bintrouvable\b|\b(?:egaree?|perdue?|disparue?)\b|\b(?:pas|aucune) (?:de )?trace\b|\bn'apparait (?:pas|nulle part)\b`, 3],
    [String.raw`\b(?:renvoyer|renvoyez|renvoie|renverr\w*|retransmettre|retransmettez|reenvoyer|reexpedier|reexpediez)\b|\b(?:transmettre|envoyer|faire parvenir) (?:a nouveau|de nouveau|une nouvelle fois)\b|\b(?:une |un )?(?:copie|duplicata|double) (?:de (?:la|votre|cette) facture)?\b|\b(?:indesirables|courrier indesirable|spams?)\b`, 3],
    [String.raw`\b(?:nie|nicht|noch nicht|keine)\b${S}{0,25}\b(?:erhalten|bekommen|angekommen|eingegangen|zugegangen|vorliegen|vorliegt|gesehen)\b|\b(?:finden|finde|gefunden)\b${S}{0,25}\bnicht\b|\bnicht (?:mehr )?(?:auffindbar|zu finden|gefunden)\b|\b(?:noch einmal|nochmal|nochmals|erneut)\b${S}{0,50}\b(?:schicken|senden|zusenden|zukommen|ubermitteln|mailen|zuschicken)\b|\b(?:kopie|duplikat) der rechnung\b|\bspam\w*|\b(?:schicken|senden|ubermitteln|zusenden|mailen)\b${S}{0,20}\b(?:erneut|noch einmal|nochmal|nochmals)\b|\bliegt${S}{0,30}\b(?:keine|nicht)\b${S}{0,20}\bvor\b|\bkeine rechnung\b`, 3],
    [String.raw`\b(?:no|missing|without|forgot(?: to attach)? the|there was no|there's no|wasn't|was not|isn't|didn't|did not)\b${S}{0,20}\battach\w*|\battachment (?:is )?(?:missing|empty|corrupt\w*|won't open|doesn't open)\b|\bnothing on (?:file|record)\b|\bwhich invoice\b|\b(?:don't|do not|can't|cannot) see (?:it|this|that|the invoice|anything|any invoice|an invoice)\b|\bquelle facture\b|\bwelche rechnung\b|\b(?:have|has) no (?:invoice|record|trace)\b|\bpiece jointe (?:manquante|absente|vide|illisible)\b|\b(?:pas de|sans|aucune) piece jointe\b|\bne (?:s'ouvre|s'affiche) pas\b|\banhang fehlt\b|\bohne anhang\b|\bkein(?:en)? anhang\b|\blasst sich nicht offnen\b`, 3],
    [String.raw`\b(?:no|nunca) (?:la |lo )?(?:hemos |he |ha )?(?:recibido|llegado|llego)\b|\b(?:reenviar|reenviarla|reenvien|reenvie|volver a enviar|enviar de nuevo|enviarla de nuevo)\b|\bno (?:la |lo )?encuentro\b|\b(?:non|mai) (?:l'|la )?(?:abbiamo |ho |e )?(?:ricevut[ao]|arrivat[ao])\b|\b(?:reinviare|reinviarla|inviare di nuovo|inviarla di nuovo|rimandarla|rimandare la fattura|inviarla nuovamente)\b|\bnon (?:la |lo )?trovo\b|\b(?:niet|nooit) ontvangen\b|\b(?:opnieuw|nogmaals) (?:\w+ )?(?:sturen|versturen|toesturen|mailen)\b|\bkan\b${S}{0,20}\bniet vinden\b`, 3],
  ]),

  other_company: build([
    [String.raw`\b(?:re-?issue|reissue|redo|re-do|amend|change|update|make out|made out|address|addressed|bill|invoice|issue|redirect|reassign|raise|correct)\b${S}{0,40}\b(?:to|in the name of|under|for|on)\b (?:[\w&'.-]+ ){0,5}?${COMPANY}\b`, 3],
    [String.raw`\b(?:invoice|bill|charge) (?:directly )?(?:our|the|my|their) (?:[\w&'.-]+ ){0,3}?${COMPANY}\b|\bfacturer (?:directement )?(?:a |au nom de )?(?:notre|la|leur|ma|sa|une autre)? ?(?:[\w&'.-]+ ){0,4}?(?:societe|filiale|holding|entreprise|structure|association|maison mere|sarl|sas|sasu|eurl)\b`, 3],
    [String.raw`\b(?:in the name of|under the name of|made out to|made payable to|billing (?:entity|name|details|address) (?:is|has changed|changed|should be|will be)|invoicing (?:entity|address) (?:is|should be|has changed))\b`, 2.5],
    [String.raw`\b(?:parent|holding|sister|umbrella|mother) (?:company|entity|group)\b|\b(?:different|another|other|new|separate|correct) (?:legal )?(?:entity|company)\b`, 2],
    [String.raw`\b(?:au nom de|a l'ordre de|libell\w+ (?:a|au nom de)|etabli\w* (?:la facture )?au nom|(?:refaire|reediter|re-?emettre|reemettre|modifier|changer|corriger) (?:la|votre|cette) facture (?:au nom|pour|a l'ordre|avec)|modifier le destinataire|changer (?:le nom|la raison sociale|le destinataire|l'adresse de facturation)|plutot qu'a (?:notre|mon|son) nom)\b`, 3],
    [String.raw`\b(?:notre|leur|la|une autre|sa|nouvelle|autre) (?:filiale|societe mere|maison mere|holding|nouvelle (?:societe|structure|entite)|autre (?:societe|structure|entite)|entite)\b|\braison sociale\b|\b(?:sarl|sas|sasu|eurl|sci)\b`, 2],
    [String.raw`\bstellen sie\b${S}{0,40}\b(?:rechnung|rechnungen)\b${S}{0,80}\baus\b|\b(?:auf|an|fur) (?:unsere|die|eine|den|unseren) (?:[\w&'.-]+ ){0,4}?(?:gmbh|ag|kg|ug|ohg|se|holding|gesellschaft|firma)\b${S}{0,30}\b(?:aus|ausstellen|umschreiben|adressieren)\b`, 3],
    [String.raw`\b(?:auf|an|fur) (?:unsere|die|eine|den|unseren) (?:neue |andere |neuen )?(?:gesellschaft|firma|holding|muttergesellschaft|tochtergesellschaft|tochterfirma|schwesterfirma|schwestergesellschaft|gmbh|konzern|unternehmen)\b|\b(?:rechnung|rechnungen)\b${S}{0,80}\b(?:ausstellen|umschreiben|neu ausstellen|adressieren|umstellen)\b|\brechnungsempfanger\b|\brechnungsadresse\b|\bauf (?:den|die) namen\b`, 3],
    [String.raw`\ba nombre de\b|\brazon social\b|\b(?:otra|nuestra|la nueva) (?:empresa|sociedad|filial)\b|\bintestat[ao] a\b|\bintestare\b|\bragione sociale\b|\b(?:altra|nostra|nuova) (?:societa|azienda|controllata)\b|\bop naam van\b|\b(?:ander|andere|onze|nieuwe) (?:bedrijf|vennootschap|moedermaatschappij|dochteronderneming|holding)\b`, 3],
  ]),

  acknowledgement: build([
    [String.raw`\b(?:well |safely |duly )?received\b|\bgot it\b|\bnoted\b|\bthanks for (?:the|your) invoice\b|\b(?:pass|passing|forward|forwarding|forwarded|sent|send) (?:it|this|that)? ?(?:on |over )?to (?:our|the|my) (?:accounts|ap|finance|bookkeep\w*|accountant|accounting|payables)\b|\b(?:logged|registered|recorded|entered|filed) (?:it )?in (?:our|the) system\b|\b(?:acknowledge|confirm) (?:the )?receipt\b|\b(?:with|to) (?:our )?(?:accounts payable|ap team|finance team)\b`, 2, 'a'],
    [String.raw`\bbien recue?\b|\bbonne reception\b|\baccus\w+ (?:bonne )?reception\b|\bje (?:la |le |vous la )?(?:transmets|transfere|fais suivre|fais passer)\b|\b(?:transmise?|transferee?) (?:a|au|aux) (?:la |notre |nos |mon )?(?:service|compta\w*|comptable)\b|\b(?:c'est|bien) note\b|\b(?:facture|elle) (?:a ete |est )?(?:bien )?(?:enregistree|prise en compte|receptionnee)\b|\bmerci pour (?:la|votre|cette) facture\b|\bpasse (?:a|au) (?:la |notre )?compta\w*\b|\bbien (?:arrivee?|parvenue?|eu)\b|\bmerci pour (?:l'envoi|la transmission)\b`, 2, 'a'],
    [String.raw`\bthanks? (?:you )?for sending\b|\bdanke fur (?:die|ihre) rechnung\b|\bvielen dank fur die (?:zusendung|rechnung)\b`, 1.5, 'a'],
    [String.raw`\b(?:dankend |gut |heute )?erhalten\b|\beingegangen\b|\bist angekommen\b|\b(?:leite|leiten) (?:sie|es|die rechnung)? ?(?:an|weiter)\b|\bweitergeleitet\b|\ban (?:die|unsere) buchhaltung\b|\bzur kenntnis\b|\bvermerkt\b|\berfasst\b|\beingebucht\b`, 2, 'a'],
    [String.raw`\brecibid[ao]s?\b|\bla paso a contabilidad\b|\btomamos nota\b|\bacusamos recibo\b|\bricevut[ao]\b|\binoltro\b|\bpresa in carico\b|\bprendiamo nota\b|\b(?:goed )?ontvangen\b|\bdoorgestuurd\b|\bin behandeling\b`, 2, 'a'],
  ]),
};

/** Out-of-office and other automatic replies: they say nothing about the invoice. */
export const AUTO_REPLY_SUBJECT =
  /\b(?:automatic reply|auto(?:matic)?[- ]?reply|autoreply|out of (?:the )?office|reponse automatique|message d'absence|absence du bureau|abwesenheit\w*|automatische antwort|respuesta automatica|fuera de la oficina|risposta automatica|fuori sede|automatisch antwoord|afwezig|undeliverable|delivery status notification|mail delivery)\b/;
export const AUTO_REPLY_BODY = build([
  [String.raw`\b(?:i am|i'm|i will be|i shall be)(?: currently| now)? (?:out of (?:the )?office|away|on (?:annual |parental |sick )?leave|on holiday|on vacation|travell?ing|off|not in the office|unavailable)\b`, 3],
  [String.raw`\bje (?:suis|serai)(?: actuellement| en ce moment)? (?:absente?|en conges?|en vacances|en deplacement|hors du bureau|indisponible|en arret)\b`, 3],
  [String.raw`\bich bin\b${S}{0,40}\b(?:nicht im buro|abwesend|im urlaub|nicht erreichbar|ausser haus|auf dienstreise)\b`, 3],
  [String.raw`\b(?:estoy|estare) (?:fuera|de vacaciones|ausente)\b|\b(?:sono|saro) (?:fuori|in ferie|assente)\b|\bik ben\b${S}{0,20}\b(?:afwezig|op vakantie|niet op kantoor)\b`, 3],
  [String.raw`\blimited access to (?:e-?mail|my email)\b|\b(?:en cas d'urgence|pour toute urgence|for (?:anything )?urgent|in urgent cases|in dringenden fallen|per urgenze|en caso de urgencia|voor dringende zaken)\b|\b(?:this is an automatic|message automatique|automatisch generiert|wurde automatisch)\b|\b(?:je reponds|je repondrai|i will (?:respond|reply|get back)|ich werde\b${S}{0,30}\bbeantworten)\b|\b(?:will|shall) (?:return|be back)\b|\bback in the office\b|\bde retour (?:le|au bureau|lundi|mardi|mercredi|jeudi|vendredi)\b|\b(?:wieder (?:im buro|erreichbar|da)|zuruck) (?:am|ab)\b|\b(?:demande|demandes|requests?|anliegen|matters?) urgent\w*|\bdringende\w* anliegen\b`, 2],
]);

/** Negations that, shortly before a cue in the same clause, turn it around. */
export const NEGATION =
  /(?:\b(?:not|never|no|pas|jamais|plus|nicht|nie|kein\w*|nunca|non|niet|nooit|geen|yet to)\b|n't\b|\bn'|\bne\b)/;
/** Future, conditional or purpose markers: what follows has not happened yet. */
export const NOT_YET =
  /\b(?:will|would|shall|going to|'ll|to be|sera|serait|seront|va|vais|allons|vont|pour|werde|werden|wird|soll|sollte|voy|vamos|sara|verra|zal|zullen|once|when|as soon as|des que|quand|lorsque|sobald|wenn|if|si|before|avant|should|devrait|doit|can|could|pourriez|pouvez|konnen|konnten|please|merci de|bitte|wait)\b/;
