"""Expansions of TAGS organisation codes (international bodies, US agencies, parties, firms).

Only expansions that are established are listed; other organisation codes keep an
empty description.
"""

from __future__ import annotations

from .tagcodes_names import code_table

ORGANIZATIONS = code_table("""
ACABQ  UN Advisory Committee on Administrative and Budgetary Questions
ADB  Asian Development Bank
AEROFLOT  Aeroflot (Soviet/Russian airline)
AFDB  African Development Bank
AFL-CIO  American Federation of Labor and Congress of Industrial Organizations
AFP  Agence France-Presse
AI  Amnesty International
AID  U.S. Agency for International Development
AIFLD  American Institute for Free Labor Development
AAFLI  Asian-American Free Labor Institute
ANC  African National Congress
ANZUS  Australia, New Zealand, United States Security Treaty
AP  Associated Press
ARAMCO  Saudi Arabian Oil Company
ASALA  Armenian Secret Army for the Liberation of Armenia
ASEAN  Association of Southeast Asian Nations
AUB  American University of Beirut
BA'ATH  Ba'ath Party
BBC  British Broadcasting Corporation
BBG  Broadcasting Board of Governors
BIS  Bank for International Settlements
Bundesbank  Deutsche Bundesbank
CACM  Central American Common Market
CCITT  International Telegraph and Telephone Consultative Committee
CCIR  International Radio Consultative Committee
CDC  Centers for Disease Control and Prevention
CDU  Christian Democratic Union (Germany)
CEC  Commission of the European Communities
CIA  Central Intelligence Agency
CIPEC  Intergovernmental Council of Copper Exporting Countries
CITEL  Inter-American Telecommunication Commission
COE  Council of Europe
COPUOS  UN Committee on the Peaceful Uses of Outer Space
CPSU  Communist Party of the Soviet Union
CSU  Christian Social Union (Bavaria)
CTM  Confederation of Mexican Workers
CWC  Chemical Weapons Convention
DEA  Drug Enforcement Administration
DHS  Department of Homeland Security
DIA  Defense Intelligence Agency
DOD  Department of Defense
DOE  Department of Energy
DOT  Department of Transportation
DPP  Democratic Progressive Party (Taiwan)
EAPC  Euro-Atlantic Partnership Council
EBRD  European Bank for Reconstruction and Development
ECE  UN Economic Commission for Europe
ECLAC  UN Economic Commission for Latin America and the Caribbean
ECOSOC  UN Economic and Social Council
ECOWAS  Economic Community of West African States
EFTA  European Free Trade Association
EL AL  El Al Israel Airlines
ELN  National Liberation Army (Colombia)
EP  European Parliament
EPA  Environmental Protection Agency
ESA  European Space Agency
ESCAP  UN Economic and Social Commission for Asia and the Pacific
ESDI  European Security and Defence Identity
ETA  Basque Homeland and Freedom (ETA)
EU  European Union
EUCOM  U.S. European Command
EUN  European Union
EUROCONTROL  European Organisation for the Safety of Air Navigation
EXIM  Export-Import Bank of the United States
FAA  Federal Aviation Administration
FAO  Food and Agriculture Organization
FARC  Revolutionary Armed Forces of Colombia
FBI  Federal Bureau of Investigation
FBIS  Foreign Broadcast Information Service
FCC  Federal Communications Commission
FDA  Food and Drug Administration
FDIC  Federal Deposit Insurance Corporation
FEMA  Federal Emergency Management Agency
FLN  National Liberation Front (Algeria)
FMLN  Farabundo Marti National Liberation Front
FNLA  National Front for the Liberation of Angola
FRB  Federal Reserve Board
FRELIMO  Mozambique Liberation Front
FSLN  Sandinista National Liberation Front
FTC  Federal Trade Commission
FWS  U.S. Fish and Wildlife Service
G-77  Group of 77
G-8  Group of Eight
GAO  Government Accountability Office
GATT  General Agreement on Tariffs and Trade
GCC  Gulf Cooperation Council
General Motors  General Motors
GSA  General Services Administration
HHS  Department of Health and Human Services
HUD  Department of Housing and Urban Development
IACW  Inter-American Commission of Women
IADB  Inter-American Defense Board
IAEA  International Atomic Energy Agency
IAHRC  Inter-American Human Rights Commission
IAJC  Inter-American Juridical Committee
IARC  International Agency for Research on Cancer
IATA  International Air Transport Association
IATTC  Inter-American Tropical Tuna Commission
IBRD  International Bank for Reconstruction and Development (World Bank)
IBWC  International Boundary and Water Commission
ICAC  International Cotton Advisory Committee
ICAO  International Civil Aviation Organization
ICBL  International Campaign to Ban Landmines
ICCAT  International Commission for the Conservation of Atlantic Tunas
ICCROM  International Centre for the Study of the Preservation and Restoration of Cultural Property
ICES  International Council for the Exploration of the Sea
ICFTU  International Confederation of Free Trade Unions
ICJ  International Court of Justice
ICMC  International Catholic Migration Commission
ICRC  International Committee of the Red Cross
ICSC  International Civil Service Commission
ICTR  International Criminal Tribunal for Rwanda
ICTY  International Criminal Tribunal for the former Yugoslavia
IDA  International Development Association
IDB  Inter-American Development Bank
IEA  International Energy Agency
IFAD  International Fund for Agricultural Development
IFC  International Finance Corporation
IFRB  International Frequency Registration Board
IFRC  International Federation of Red Cross and Red Crescent Societies
IHB  International Hydrographic Bureau
IICA  Inter-American Institute for Cooperation on Agriculture
IJC  International Joint Commission (United States and Canada)
ILC  International Law Commission
ILO  International Labour Organization
IMF  International Monetary Fund
IMO  International Maritime Organization
INCB  International Narcotics Control Board
INMARSAT  International Maritime Satellite Organization
INS  Immigration and Naturalization Service
INTELSAT  International Telecommunications Satellite Organization
INTERPOL  International Criminal Police Organization
IOC  International Olympic Committee
IOM  International Organization for Migration
IPHC  International Pacific Halibut Commission
IPU  Inter-Parliamentary Union
IRA  Irish Republican Army
IRS  Internal Revenue Service
ISO  International Organization for Standardization
ITTO  International Tropical Timber Organization
ITU  International Telecommunication Union
IUCNNR  International Union for Conservation of Nature and Natural Resources
JAL  Japan Airlines
JDL  Jewish Defense League
JLP  Jamaica Labour Party
KAL  Korean Air Lines
KANU  Kenya African National Union
KGB  Committee for State Security (USSR)
KLM  KLM Royal Dutch Airlines
KMT  Kuomintang
KOC  Kuwait Oil Company
LDP  Liberal Democratic Party (Japan)
LLTE  Liberation Tigers of Tamil Eelam
MARAD  Maritime Administration
MFO  Multinational Force and Observers (Sinai)
MINURSO  UN Mission for the Referendum in Western Sahara
MNLF  Moro National Liberation Front
MONUC  UN Organization Mission in the Democratic Republic of the Congo
MPLA  Popular Movement for the Liberation of Angola
MTCRE  Missile Technology Control Regime
NAC  North Atlantic Council
NAFO  Northwest Atlantic Fisheries Organization
NAMSA  NATO Maintenance and Supply Agency
NASA  National Aeronautics and Space Administration
NASCO  North Atlantic Salmon Conservation Organization
NATO  North Atlantic Treaty Organization
NDU  National Defense University
NGA  National Geospatial-Intelligence Agency
NIH  National Institutes of Health
NIOC  National Iranian Oil Company
NMFS  National Marine Fisheries Service
NOAA  National Oceanic and Atmospheric Administration
NSA  National Security Agency
NSC  National Security Council
NSF  National Science Foundation
NTIA  National Telecommunications and Information Administration
NTIS  National Technical Information Service
NTSB  National Transportation Safety Board
OAPEC  Organization of Arab Petroleum Exporting Countries
OAS  Organization of American States
OAU  Organization of African Unity
OECD  Organisation for Economic Co-operation and Development
OECS  Organisation of Eastern Caribbean States
OMB  Office of Management and Budget
OPEC  Organization of the Petroleum Exporting Countries
OPIC  Overseas Private Investment Corporation
OPM  Office of Personnel Management
OSCE  Organization for Security and Co-operation in Europe
OSHA  Occupational Safety and Health Administration
PAHO  Pan American Health Organization
PAIGH  Pan American Institute of Geography and History
PAN  National Action Party (Mexico)
PBS  Public Broadcasting Service
PEMEX  Petroleos Mexicanos
PETROBRAS  Petroleo Brasileiro
PFLP  Popular Front for the Liberation of Palestine
PFP  Partnership for Peace
PIA  Pakistan International Airlines
PICES  North Pacific Marine Science Organization
PLO  Palestine Liberation Organization
PNP  People's National Party (Jamaica)
PRI  Institutional Revolutionary Party (Mexico)
PSOE  Spanish Socialist Workers' Party
QANTAS  Qantas Airways
RENAMO  Mozambican National Resistance
RFE  Radio Free Europe
RL  Radio Liberty
SAARC  South Asian Association for Regional Cooperation
SAS  Scandinavian Airlines System
SBA  Small Business Administration
SEC  Securities and Exchange Commission
SELA  Latin American Economic System
SFOR  Stabilization Force (Bosnia and Herzegovina)
SPD  Social Democratic Party of Germany
SPLA  Sudan People's Liberation Army
SPLM  Sudan People's Liberation Movement
SSA  Social Security Administration
SWAPO  South West Africa People's Organization
THY  Turkish Airlines
TPLF  Tigray People's Liberation Front
TRSY  Department of the Treasury
TUAC  Trade Union Advisory Committee to the OECD
TUC  Trades Union Congress
TVA  Tennessee Valley Authority
UAW  United Auto Workers
UDEAC  Central African Customs and Economic Union
UMNO  United Malays National Organisation
UMOA  West African Monetary Union
UN  United Nations
UNAMSIL  UN Mission in Sierra Leone
UNCHS  UN Centre for Human Settlements (Habitat)
UNCITRAL  UN Commission on International Trade Law
UNCND  UN Commission on Narcotic Drugs
UNCSD  UN Commission on Sustainable Development
UNCSW  UN Commission on the Status of Women
UNCTAD  UN Conference on Trade and Development
UNDC  UN Disarmament Commission
UNDOF  UN Disengagement Observer Force
UNDP  UN Development Programme
UNDRO  UN Disaster Relief Office
UNEF  UN Emergency Force
UNEP  UN Environment Programme
UNESCO  UN Educational, Scientific and Cultural Organization
UNFDAC  UN Fund for Drug Abuse Control
UNFICYP  UN Peacekeeping Force in Cyprus
UNFPA  UN Population Fund
UNGA  UN General Assembly
UNGA/C-1  UN General Assembly First Committee (Disarmament and International Security)
UNGA/C-2  UN General Assembly Second Committee (Economic and Financial)
UNGA/C-3  UN General Assembly Third Committee (Social, Humanitarian and Cultural)
UNGA/C-4  UN General Assembly Fourth Committee (Special Political and Decolonization)
UNGA/C-5  UN General Assembly Fifth Committee (Administrative and Budgetary)
UNGA/C-6  UN General Assembly Sixth Committee (Legal)
UNGA/SPC  UN General Assembly Special Political Committee
UNGOMAP  UN Good Offices Mission in Afghanistan and Pakistan
UNHCR  UN High Commissioner for Refugees
UNICEF  UN Children's Fund
UNIDCP  UN International Drug Control Programme
UNIDO  UN Industrial Development Organization
UNIDROIT  International Institute for the Unification of Private Law
UNIFIL  UN Interim Force in Lebanon
UNIKOM  UN Iraq-Kuwait Observation Mission
UNITA  National Union for the Total Independence of Angola
UNITAR  UN Institute for Training and Research
UNMEE  UN Mission in Ethiopia and Eritrea
UNMIBH  UN Mission in Bosnia and Herzegovina
UNMIK  UN Interim Administration Mission in Kosovo
UNMOGIP  UN Military Observer Group in India and Pakistan
UNOMIG  UN Observer Mission in Georgia
UNRWA  UN Relief and Works Agency for Palestine Refugees in the Near East
UNSC  UN Security Council
UNSCEAR  UN Scientific Committee on the Effects of Atomic Radiation
UNTSO  UN Truce Supervision Organization
UPI  United Press International
UPOV  International Union for the Protection of New Varieties of Plants
UPU  Universal Postal Union
USGS  U.S. Geological Survey
USIS  U.S. Information Service
USNRC  U.S. Nuclear Regulatory Commission
USPS  U.S. Postal Service
USSS  U.S. Secret Service
USTR  Office of the U.S. Trade Representative
VFW  Veterans of Foreign Wars
VOA  Voice of America
WARC  World Administrative Radio Conference
WCC  World Council of Churches
WCL  World Confederation of Labour
WEU  Western European Union
WFP  World Food Programme
WFTU  World Federation of Trade Unions
WHO  World Health Organization
WILPF  Women's International League for Peace and Freedom
WIPO  World Intellectual Property Organization
WJC  World Jewish Congress
WMO  World Meteorological Organization
WTO  World Trade Organization
ZANU  Zimbabwe African National Union
ZANU-PF  Zimbabwe African National Union - Patriotic Front
ZAPU  Zimbabwe African People's Union
""")
