# Generates db/demo/R__demo_briefings.sql from the briefings below (written for Harmattan's demo data).
B = []
def b(id, countries, sectors, tlp, risks, published, review, sources, en, fr, status='published', versions=None):
    B.append(dict(id=id, countries=countries, sectors=sectors, tlp=tlp, risks=risks, published=published,
                  review=review, sources=sources, en=en, fr=fr, status=status, versions=versions))

b(1, ['BF','ML','NE'], [], 'CLEAR', (5,4,4), '2026-09-08 08:00:00', '2027-03-01',
  ['AES summit communiqués, 2023-2025', 'ACLED conflict event data, Sahel extracts', 'Russian Ministry of Defence statements, August 2025', 'ASA field network reporting'],
  ("The Alliance of Sahel States: regional outlook",
   "Three military governments now act as one bloc on defence, diplomacy and increasingly on resources. Expect policy to be set jointly and enforced nationally.",
   """## What changed

Burkina Faso, Mali and Niger came under military rule between 2020 and 2023. They asked French forces to leave, left ECOWAS and formed the **Alliance of Sahel States (AES)**, later a confederation with a joint force and plans for a common investment bank.

## Security

Jihadist violence linked to al-Qaeda and Islamic State affiliates keeps rising: deaths in the first half of 2024 were close to three times the 2021 level. Attacks on roads, fuel convoys and mine sites are the main threat to operations.

## External partners

Moscow signed a defence memorandum with the three states in August 2025. After Wagner's exit, Russian personnel work through official channels, and Russian-linked firms are active in mining, energy and construction.

## What it means for investors

- Contracts are renegotiated on the state's terms; local ownership quotas are rising.
- Payments and imports can be disrupted by sanctions history and border closures.
- Plan for movement restrictions at short notice."""),
  ("L'Alliance des États du Sahel : perspectives régionales",
   "Trois gouvernements militaires agissent désormais en bloc sur la défense, la diplomatie et, de plus en plus, les ressources. Les orientations se décident ensemble et s'appliquent pays par pays.",
   """## Ce qui a changé

Le Burkina Faso, le Mali et le Niger sont passés sous régime militaire entre 2020 et 2023. Ils ont obtenu le départ des forces françaises, quitté la CEDEAO et fondé l'**Alliance des États du Sahel (AES)**, devenue confédération, avec une force conjointe et un projet de banque d'investissement commune.

## Sécurité

Les violences djihadistes liées aux affiliés d'al-Qaïda et de l'État islamique continuent de croître : au premier semestre 2024, le nombre de morts atteignait presque le triple du niveau de 2021. Les attaques sur les routes, les convois de carburant et les sites miniers sont la première menace pour les opérations.

## Partenaires extérieurs

Moscou a signé un mémorandum de défense avec les trois États en août 2025. Depuis le départ de Wagner, le personnel russe passe par les canaux officiels et des entreprises liées à la Russie sont présentes dans les mines, l'énergie et la construction.

## Conséquences pour les investisseurs

- Les contrats se renégocient aux conditions de l'État ; les quotas de participation locale augmentent.
- Paiements et importations peuvent être perturbés par les sanctions passées et les fermetures de frontières.
- Prévoir des restrictions de déplacement à bref délai."""))

b(2, ['ML'], ['mining'], 'GREEN', (4,5,4), '2026-10-02 08:00:00', '2027-01-15',
  ['Mali 2023 mining code and implementing decrees', 'Company filings: Barrick, B2Gold, Resolute, Allied Gold', 'Ministry of Mines communiqués', 'ASA field network reporting'],
  ("Mali: gold and lithium under the 2023 mining code",
   "The state wants a larger share of every ounce. Operators at Loulo-Gounkoto, Fekola, Syama and Sadiola face audits, tax claims and stake increases; lithium at Goulamina is the new priority.",
   """## Policy

The 2023 code lets the state and Malian investors hold up to 35% of new mines and ends many stability clauses. Tax reassessments have followed at most large operations, and disputes have led to detained staff and gold held at the mine gate.

## Sites to watch

- **Loulo-Gounkoto** (Kayes region): the long dispute with the operator showed how far the government will go.
- **Fekola** and **Sadiola** (Kayes): expansion permits tied to new terms.
- **Syama** and **Morila** (Sikasso): older assets, community tension over jobs.
- **Goulamina** (Bougouni): lithium exports began in 2024 via Abidjan.

## Security

Jihadist groups tax artisanal gold sites and have hit convoys on the Kayes and Sikasso roads. Fuel supply to remote sites is the weak point.

## Advice

Keep a negotiation file ready, budget for the state stake, and route staff movements with daily security checks."""),
  ("Mali : l'or et le lithium sous le code minier de 2023",
   "L'État veut une plus grande part de chaque once. Les exploitants de Loulo-Gounkoto, Fekola, Syama et Sadiola font face à des audits, des redressements et des hausses de participation ; le lithium de Goulamina devient prioritaire.",
   """## Politique

Le code de 2023 permet à l'État et aux investisseurs maliens de détenir jusqu'à 35 % des nouvelles mines et supprime de nombreuses clauses de stabilité. Des redressements fiscaux ont suivi dans la plupart des grandes exploitations, et certains litiges ont conduit à la détention de cadres et au blocage de l'or sur site.

## Sites à suivre

- **Loulo-Gounkoto** (région de Kayes) : le long conflit avec l'exploitant a montré jusqu'où le gouvernement peut aller.
- **Fekola** et **Sadiola** (Kayes) : permis d'extension liés aux nouvelles conditions.
- **Syama** et **Morila** (Sikasso) : actifs anciens, tensions locales sur l'emploi.
- **Goulamina** (Bougouni) : exportations de lithium depuis 2024 via Abidjan.

## Sécurité

Les groupes djihadistes prélèvent un impôt sur les sites d'orpaillage et ont frappé des convois sur les axes de Kayes et de Sikasso. L'approvisionnement en carburant des sites isolés reste le point faible.

## Conseils

Tenir un dossier de négociation prêt, budgéter la part de l'État et valider chaque déplacement par un point sécurité quotidien."""))

b(3, ['ML'], ['energy'], 'CLEAR', (4,4,5), '2026-06-10 08:00:00', '2026-12-10',
  ['Énergie du Mali (EDM) statements', 'Fuel importers\u2019 association notices', 'ASA field network reporting'],
  ("Mali: power cuts and fuel supply",
   "Electricity shortages and attacks on fuel convoys from Dakar and Abidjan make energy the binding constraint for every business in Mali.",
   """## Situation

EDM, the state utility, carries heavy debt and cannot buy enough fuel for its thermal plants. Bamako has lived with long daily cuts since 2024. Hydropower from **Manantali** and **Sélingué** covers only part of demand.

## Fuel corridors

Most fuel arrives by road on the **Dakar-Bamako** and **Abidjan-Bamako** corridors. Armed groups have attacked tanker convoys and declared blockades of some towns.

## Projects

Solar plants near **Kita** and **Ségou** are under construction with foreign partners; delivery dates have slipped.

## Advice

Size on-site generation and fuel storage for several weeks; do not rely on the grid."""),
  ("Mali : délestages et approvisionnement en carburant",
   "Les pénuries d'électricité et les attaques contre les convois de carburant venant de Dakar et d'Abidjan font de l'énergie la contrainte principale de toute activité au Mali.",
   """## Situation

EDM, la société publique d'électricité, est lourdement endettée et ne peut pas acheter assez de carburant pour ses centrales thermiques. Bamako vit avec de longues coupures quotidiennes depuis 2024. L'hydroélectricité de **Manantali** et de **Sélingué** ne couvre qu'une partie de la demande.

## Corridors d'approvisionnement

L'essentiel du carburant arrive par la route sur les corridors **Dakar-Bamako** et **Abidjan-Bamako**. Des groupes armés ont attaqué des convois de citernes et décrété le blocus de certaines villes.

## Projets

Des centrales solaires près de **Kita** et de **Ségou** sont en construction avec des partenaires étrangers ; les mises en service ont pris du retard.

## Conseils

Dimensionner la production sur site et les stocks de carburant pour plusieurs semaines ; ne pas compter sur le réseau."""),
  versions=[dict(published='2026-03-02 08:00:00', created='2026-02-20 08:00:00',
    en_title="Mali: power cuts in Bamako", fr_title="Mali : délestages à Bamako",
    en_summary="EDM's debt and fuel shortages mean long daily cuts in Bamako.",
    fr_summary="La dette d'EDM et le manque de carburant imposent de longues coupures quotidiennes à Bamako.",
    en_body="## Situation\n\nEDM cannot buy enough fuel for its thermal plants. Bamako has long daily cuts.\n\n## Advice\n\nPlan on-site generation.",
    fr_body="## Situation\n\nEDM ne peut pas acheter assez de carburant pour ses centrales thermiques. Bamako subit de longues coupures.\n\n## Conseils\n\nPrévoir une production sur site.")])

b(4, ['ML'], ['construction'], 'CLEAR', (4,4,4), '2026-08-20 08:00:00', '2027-02-20',
  ['Public procurement notices (Mali)', 'AES infrastructure declarations', 'ASA field network reporting'],
  ("Mali: building roads, bridges and public works",
   "Public works continue where the army secures them. Payment delays and escort requirements define the margin.",
   """## Market

The state and its partners fund roads, bridges and housing around **Bamako**, **Kati** and **Ségou**. New contracts favour firms with a local partner and, increasingly, partners from allied countries.

## Risks

- Sites outside the south need military escorts; attacks on contractors' plant and staff occur in the **Mopti** and **Ségou** regions.
- Payment arrears of six months or more are common.
- Cement and fuel prices swing with border closures.

## Advice

Price escorts and payment delays into bids; keep plant yards inside secured perimeters."""),
  ("Mali : routes, ponts et travaux publics",
   "Les travaux publics se poursuivent là où l'armée les sécurise. Les retards de paiement et les escortes déterminent la marge.",
   """## Marché

L'État et ses partenaires financent routes, ponts et logements autour de **Bamako**, **Kati** et **Ségou**. Les nouveaux marchés favorisent les entreprises associées à un partenaire local et, de plus en plus, à des partenaires de pays alliés.

## Risques

- Hors du sud, les chantiers exigent des escortes militaires ; des attaques contre le matériel et le personnel des entreprises ont lieu dans les régions de **Mopti** et de **Ségou**.
- Les arriérés de paiement de six mois ou plus sont fréquents.
- Les prix du ciment et du carburant varient au gré des fermetures de frontières.

## Conseils

Intégrer escortes et délais de paiement aux offres ; garder les parcs de matériel dans des périmètres sécurisés."""))

b(5, ['BF'], ['mining'], 'GREEN', (5,4,4), '2026-09-25 08:00:00', '2027-01-25',
  ['Burkina Faso 2024 mining code', 'SOPAMIB announcements', 'Company filings: Endeavour, IAMGOLD, West African Resources', 'ASA field network reporting'],
  ("Burkina Faso: gold mining and the state's growing stake",
   "A new mining code and the state company SOPAMIB are taking over assets. Essakane, Houndé and Sanbrado keep producing under heavy security.",
   """## Policy

The 2024 code raises the state's free stake and local content duties. The state mining company **SOPAMIB** has taken over several mines sold by foreign owners, including **Boungou** and **Wahgnion**, and gold-export rules now favour a state refinery project.

## Sites

- **Essakane** (Oudalan) and **Houndé** (Tuy): large open pits, supplied by escorted convoys.
- **Sanbrado** and **Kiaka**: newer operations south-east of Ouagadougou.
- Many sites in the north and east are closed after attacks, such as **Taparko** and **Inata**.

## Security

Armed groups control or contest large parts of the Sahel, Nord and Est regions. Helicopter rotation of staff is standard at northern sites.

## Advice

Expect requests to sell or share assets; protect supply roads first."""),
  ("Burkina Faso : l'or et la montée de l'État au capital",
   "Un nouveau code minier et la société d'État SOPAMIB reprennent des actifs. Essakane, Houndé et Sanbrado continuent de produire sous forte protection.",
   """## Politique

Le code de 2024 augmente la participation gratuite de l'État et les obligations de contenu local. La société minière publique **SOPAMIB** a repris plusieurs mines cédées par des propriétaires étrangers, dont **Boungou** et **Wahgnion**, et les règles d'exportation de l'or favorisent un projet de raffinerie nationale.

## Sites

- **Essakane** (Oudalan) et **Houndé** (Tuy) : grandes mines à ciel ouvert ravitaillées par convois escortés.
- **Sanbrado** et **Kiaka** : exploitations plus récentes au sud-est de Ouagadougou.
- De nombreux sites du nord et de l'est sont fermés après des attaques, comme **Taparko** et **Inata**.

## Sécurité

Des groupes armés contrôlent ou disputent une grande partie des régions du Sahel, du Nord et de l'Est. La relève du personnel par hélicoptère est la norme sur les sites du nord.

## Conseils

S'attendre à des demandes de cession ou de partage d'actifs ; protéger d'abord les routes d'approvisionnement."""))

b(6, ['BF'], ['energy'], 'CLEAR', (4,4,3), '2026-07-14 08:00:00', '2027-01-14',
  ['SONABEL annual reports', 'Ministry of Energy statements', 'ASA field network reporting'],
  ("Burkina Faso: solar growth and a fragile grid",
   "Solar plants such as Zagtouli and Kodéni add capacity, but imports from Côte d'Ivoire and Ghana still balance the grid.",
   """## Supply

SONABEL runs thermal plants, the **Bagré** and **Kompienga** dams, and a growing fleet of solar plants led by **Zagtouli** near Ouagadougou and **Kodéni** near Bobo-Dioulasso. Imports over interconnectors cover a large share of peak demand.

## Risks

Fuel deliveries for thermal plants travel the same roads as other convoys. Lines in the east and north are hard to repair after sabotage.

## Opportunities

The government offers sites for independent solar producers and mini-grids in secure areas.

## Advice

Hybrid solar and diesel on site remains the safest choice."""),
  ("Burkina Faso : essor du solaire et réseau fragile",
   "Des centrales solaires comme Zagtouli et Kodéni ajoutent de la capacité, mais les importations de Côte d'Ivoire et du Ghana équilibrent encore le réseau.",
   """## Offre

La SONABEL exploite des centrales thermiques, les barrages de **Bagré** et de **Kompienga** et un parc solaire croissant mené par **Zagtouli** près de Ouagadougou et **Kodéni** près de Bobo-Dioulasso. Les importations par interconnexion couvrent une large part de la pointe.

## Risques

Le carburant des centrales thermiques emprunte les mêmes routes que les autres convois. Les lignes de l'est et du nord sont difficiles à réparer après un sabotage.

## Opportunités

Le gouvernement propose des sites aux producteurs solaires indépendants et des mini-réseaux dans les zones sûres.

## Conseils

L'hybride solaire et diesel sur site reste le choix le plus sûr."""))

b(7, ['BF'], ['construction'], 'CLEAR', (4,3,4), '2026-05-05 08:00:00', '2026-11-05',
  ['Public procurement notices (Burkina Faso)', 'ASA field network reporting'],
  ("Burkina Faso: public works under a security economy",
   "Roads, housing and barracks are the priorities; contractors work with army engineers and state-owned firms.",
   """## Market

The government favours local firms and public works carried out with army engineers, with projects around **Ouagadougou**, **Bobo-Dioulasso** and **Koudougou**. Roads to besieged towns such as **Djibo** are security projects first.

## Risks

- Requisitions of equipment and fuel may happen at short notice.
- Travel outside the central regions needs escorts.

## Advice

Keep contracts clear on force majeure and requisition; use local subcontractors with community ties."""),
  ("Burkina Faso : travaux publics en économie de sécurité",
   "Routes, logements et casernes sont prioritaires ; les entreprises travaillent avec le génie militaire et des sociétés publiques.",
   """## Marché

Le gouvernement favorise les entreprises locales et les travaux menés avec le génie militaire, autour de **Ouagadougou**, **Bobo-Dioulasso** et **Koudougou**. Les routes vers les villes assiégées comme **Djibo** sont d'abord des projets de sécurité.

## Risques

- Réquisitions de matériel et de carburant possibles à bref délai.
- Les déplacements hors des régions centrales exigent des escortes.

## Conseils

Rédiger clairement force majeure et réquisition dans les contrats ; travailler avec des sous-traitants locaux bien implantés."""))

b(8, ['NE'], ['mining'], 'GREEN', (4,5,4), '2026-10-12 08:00:00', '2027-02-12',
  ['Niger government decrees on uranium permits', 'Orano and Global Atomic statements', 'ASA field network reporting'],
  ("Niger: uranium after the nationalisation of Somaïr",
   "Niamey withdrew major permits and took control of Somaïr. New partners are courted for Imouraren and Dasa; legal disputes will run for years.",
   """## Policy

After 2023, the authorities withdrew the **Imouraren** permit and took control of **Somaïr** near **Arlit** from its French operator. Arbitration is under way. Russian, Iranian and other buyers have been named as potential partners.

## Sites

- **Somaïr** (Arlit): production and sales under state control.
- **Cominak** (Akokan): closed, with remediation pending.
- **Dasa** (Agadez region): a newer project that keeps working with the state.
- Gold: **Samira Hill** near the Burkina border, in a high-threat area.

## Security

The road from Arlit south through **Tahoua** is long and exposed; banditry and armed groups operate in the Aïr and Tillabéri.

## Advice

Check sanctions exposure of any buyer; keep legal counsel in arbitration-ready mode."""),
  ("Niger : l'uranium après la nationalisation de la Somaïr",
   "Niamey a retiré de grands permis et pris le contrôle de la Somaïr. De nouveaux partenaires sont sollicités pour Imouraren et Dasa ; les contentieux dureront des années.",
   """## Politique

Après 2023, les autorités ont retiré le permis d'**Imouraren** et pris le contrôle de la **Somaïr**, près d'**Arlit**, à son exploitant français. Un arbitrage est en cours. Des acheteurs russes, iraniens et d'autres ont été cités comme partenaires possibles.

## Sites

- **Somaïr** (Arlit) : production et ventes sous contrôle de l'État.
- **Cominak** (Akokan) : fermée, réhabilitation en attente.
- **Dasa** (région d'Agadez) : projet plus récent qui continue avec l'État.
- Or : **Samira Hill**, près de la frontière burkinabè, en zone de forte menace.

## Sécurité

La route d'Arlit vers le sud par **Tahoua** est longue et exposée ; banditisme et groupes armés opèrent dans l'Aïr et le Tillabéri.

## Conseils

Vérifier l'exposition aux sanctions de tout acheteur ; garder un conseil juridique prêt pour l'arbitrage."""))

b(9, ['NE'], ['energy'], 'CLEAR', (4,4,4), '2026-08-30 08:00:00', '2027-02-28',
  ['WAPCO and CNPC statements', 'Niger Ministry of Petroleum', 'ASA field network reporting'],
  ("Niger: oil exports through the Benin pipeline",
   "Crude from Agadem reaches the coast through the Niger-Benin pipeline, but border disputes and attacks on the line have interrupted flows.",
   """## Oil

The **Agadem** fields in the Diffa region feed the **Zinder refinery** and, since 2024, the export pipeline to Benin. Exports stopped for weeks during the border dispute with Benin and after sabotage of the line.

## Power

Niger imports much of its electricity from Nigeria. The **Gorou Banda** plant near Niamey and the future **Kandadji** dam on the river are meant to reduce that dependence.

## Security

Pipeline staff and convoys in Diffa and Zinder face attacks; kidnapping of foreign workers is a known threat.

## Advice

Secure staff movements by air where possible and plan for export interruptions."""),
  ("Niger : exportations de pétrole par l'oléoduc du Bénin",
   "Le brut d'Agadem rejoint la côte par l'oléoduc Niger-Bénin, mais les différends frontaliers et les attaques contre la ligne ont interrompu les flux.",
   """## Pétrole

Les champs d'**Agadem**, dans la région de Diffa, alimentent la **raffinerie de Zinder** et, depuis 2024, l'oléoduc d'exportation vers le Bénin. Les exportations se sont arrêtées plusieurs semaines pendant le différend frontalier avec le Bénin et après des sabotages de la ligne.

## Électricité

Le Niger importe une grande partie de son électricité du Nigeria. La centrale de **Gorou Banda** près de Niamey et le futur barrage de **Kandadji** sur le fleuve doivent réduire cette dépendance.

## Sécurité

Le personnel et les convois de l'oléoduc à Diffa et Zinder sont exposés aux attaques ; l'enlèvement de travailleurs étrangers est une menace connue.

## Conseils

Privilégier l'avion pour les déplacements du personnel et prévoir des interruptions d'exportation."""))

b(10, ['NE'], ['construction'], 'CLEAR', (4,4,3), '2026-04-18 08:00:00', '2026-10-18',
  ['Niger public works ministry notices', 'ASA field network reporting'],
  ("Niger: infrastructure and the Kandadji dam",
   "Large projects such as the Kandadji dam and Niamey's roads continue with new financing partners after Western donors stepped back.",
   """## Projects

Work on the **Kandadji** dam in the Tillabéri region has restarted with new contractors. Roads in and around **Niamey**, **Dosso** and **Maradi** are the other main programme.

## Risks

- Tillabéri is one of the most violent areas of the Sahel; sites need permanent protection.
- Financing is less predictable since aid suspensions in 2023.

## Advice

Confirm the funding chain before mobilising; keep camps close to military posts."""),
  ("Niger : infrastructures et barrage de Kandadji",
   "Les grands projets comme le barrage de Kandadji et les routes de Niamey se poursuivent avec de nouveaux financeurs après le retrait des bailleurs occidentaux.",
   """## Projets

Les travaux du barrage de **Kandadji**, dans la région de Tillabéri, ont repris avec de nouvelles entreprises. Les routes de **Niamey**, **Dosso** et **Maradi** forment l'autre grand programme.

## Risques

- Le Tillabéri est l'une des zones les plus violentes du Sahel ; les chantiers exigent une protection permanente.
- Les financements sont moins prévisibles depuis les suspensions d'aide de 2023.

## Conseils

Vérifier la chaîne de financement avant de mobiliser ; installer les bases vie près des postes militaires."""))

b(11, ['BF','ML','NE'], ['finance'], 'CLEAR', (3,4,3), '2026-07-01 08:00:00', '2027-01-01',
  ['BCEAO statements', 'AES confederation declarations on the investment bank', 'ASA field network reporting'],
  ("AES: banking, payments and the confederation's investment bank",
   "The three states remain in the CFA franc zone for now, but plans for a joint bank and talk of a new currency add uncertainty for lenders and insurers.",
   """## Money

All three countries still use the West African CFA franc issued by the **BCEAO**. Leaving ECOWAS did not change that, but leaders have spoken of a common currency.

## Investment bank

The AES announced a confederal investment bank to fund infrastructure and to work with new partners, including Russia.

## Risks for finance firms

- Transfer delays and stricter controls on foreign exchange.
- Insurers face higher claims from political violence.

## Advice

Keep counterparties diversified and review political-risk cover each year."""),
  ("AES : banques, paiements et banque d'investissement de la confédération",
   "Les trois États restent pour l'instant dans la zone franc CFA, mais le projet de banque commune et l'idée d'une nouvelle monnaie créent de l'incertitude pour les prêteurs et les assureurs.",
   """## Monnaie

Les trois pays utilisent toujours le franc CFA ouest-africain émis par la **BCEAO**. La sortie de la CEDEAO n'y a rien changé, mais les dirigeants ont évoqué une monnaie commune.

## Banque d'investissement

L'AES a annoncé une banque d'investissement confédérale pour financer les infrastructures et travailler avec de nouveaux partenaires, dont la Russie.

## Risques pour le secteur financier

- Délais de transfert et contrôles des changes plus stricts.
- Les assureurs font face à davantage de sinistres liés aux violences politiques.

## Conseils

Diversifier les contreparties et revoir chaque année la couverture du risque politique."""))

# TLP:RED: matches the demo client (Mali, mining); readable in the portal, never exportable.
b(12, ['ML'], ['mining'], 'RED', (5,4,5), '2026-11-02 08:00:00', '2026-12-02',
  ['ASA field network reporting (restricted)'],
  ("Mali: convoy timings on the Kayes gold roads",
   "Restricted: the pattern of recent attacks on mine supply convoys and the windows our network considers safer.",
   """## Pattern

Attacks on supply convoys between **Kayes**, **Kéniéba** and the border have followed market days and fuel deliveries.

## Safer windows

Movements early in the week with army escorts have met fewer incidents. Review daily with the security manager."""),
  ("Mali : horaires des convois sur les routes de l'or de Kayes",
   "Diffusion restreinte : schéma des attaques récentes contre les convois des mines et créneaux jugés plus sûrs par notre réseau.",
   """## Schéma

Les attaques contre les convois entre **Kayes**, **Kéniéba** et la frontière ont suivi les jours de marché et les livraisons de carburant.

## Créneaux plus sûrs

Les mouvements en début de semaine sous escorte militaire ont connu moins d'incidents. À revoir chaque jour avec le responsable sécurité."""))

# A draft never published, and an archived briefing: clients must see neither.
b(13, ['ML'], ['mining'], 'CLEAR', (4,4,4), None, '2027-03-01', ['ASA field network reporting'],
  ("Mali: artisanal gold and the new licences (draft)",
   "Draft: how the licensing of artisanal sites changes the risk picture in Kayes and Sikasso.",
   "## Draft\n\nTo be completed."),
  ("Mali : orpaillage et nouvelles autorisations (brouillon)",
   "Brouillon : comment l'encadrement de l'orpaillage change le risque à Kayes et Sikasso.",
   "## Brouillon\n\nÀ compléter."), status='draft')

b(14, ['BF'], ['mining'], 'CLEAR', (4,3,4), '2025-11-15 08:00:00', '2026-05-15', ['ASA field network reporting'],
  ("Burkina Faso: gold mining outlook 2025 (archived)",
   "Superseded by the 2026 briefing on the state's growing stake.",
   "## Outlook\n\nSee the current briefing."),
  ("Burkina Faso : perspectives de l'or 2025 (archivé)",
   "Remplacé par la note de 2026 sur la montée de l'État au capital.",
   "## Perspectives\n\nVoir la note en vigueur."), status='archived')

def q(s):
    if s is None: return 'NULL'
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"

out = ["-- Demo briefings for dev runs and tests only (never on the production Flyway path), written",
       "-- for Harmattan. Generated by bin/demo-briefings.py; edit that file, not this one.",
       "-- Published versions are frozen by triggers, so each one is inserted as a draft, given its",
       "-- countries and sectors, and only then marked published; a rerun skips what exists."]
vid = 100
for x in B:
    id = x['id']
    versions = []
    for old in (x['versions'] or []):
        versions.append(dict(title_en=old['en_title'], title_fr=old['fr_title'], summary_en=old['en_summary'],
            summary_fr=old['fr_summary'], body_en=old['en_body'], body_fr=old['fr_body'], published=old['published'],
            created=old['created']))
    en, fr = x['en'], x['fr']
    pub = x['published']
    versions.append(dict(title_en=en[0], title_fr=fr[0], summary_en=en[1], summary_fr=fr[1], body_en=en[2], body_fr=fr[2],
        published=pub, created=pub or '2026-11-10 08:00:00'))
    n = len(versions)
    created = versions[0]['created']
    status = x['status']
    pv = 'NULL' if status == 'draft' else str(n)
    dv = str(n) if status == 'draft' else 'NULL'
    out.append("")
    out.append(f"-- {id}: {en[0]}")
    out.append(f"INSERT IGNORE INTO briefing (id, status, published_version, draft_version, created_at, created_by, updated_at, version)")
    out.append(f"VALUES ({id}, '{status}', {pv}, {dv}, '{created}', 'demo-consultant', '{versions[-1]['created']}', 0);")
    for i, v in enumerate(versions, start=1):
        vid += 1
        out.append(f"INSERT IGNORE INTO briefing_version (id, briefing_id, number, title_en, title_fr, summary_en, summary_fr, body_en, body_fr,")
        out.append(f"    en_updated_at, fr_updated_at, all_sectors, security_risk, political_risk, operational_risk, sources, review_date, tlp, created_at, created_by)")
        out.append(f"VALUES ({vid}, {id}, {i}, {q(v['title_en'])}, {q(v['title_fr'])},")
        out.append(f"    {q(v['summary_en'])},")
        out.append(f"    {q(v['summary_fr'])},")
        out.append(f"    {q(v['body_en'])},")
        out.append(f"    {q(v['body_fr'])},")
        r = x['risks']
        out.append(f"    '{v['created']}', '{v['created']}', {'TRUE' if not x['sectors'] else 'FALSE'}, {r[0]}, {r[1]}, {r[2]}, {q(chr(10).join(x['sources']))}, '{x['review']}', '{x['tlp']}', '{v['created']}', 'demo-consultant');")
        for c in x['countries']:
            out.append(f"INSERT IGNORE INTO briefing_version_country (version_id, country_code) SELECT id, '{c}' FROM briefing_version WHERE id = {vid} AND published_at IS NULL;")
        for s in x['sectors']:
            out.append(f"INSERT IGNORE INTO briefing_version_sector (version_id, sector_code) SELECT id, '{s}' FROM briefing_version WHERE id = {vid} AND published_at IS NULL;")
        if v['published'] and not (status == 'draft' and i == n):
            out.append(f"UPDATE briefing_version SET published_at = '{v['published']}', published_by = 'demo-lead' WHERE id = {vid} AND published_at IS NULL;")
open('src/main/resources/db/demo/R__demo_briefings.sql', 'w').write("\n".join(out) + "\n")
print(len(B), vid - 100)
